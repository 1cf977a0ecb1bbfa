package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import java.io.Writer;

/**
 * Writes every key of the caller's account, as VTEX's key export has them: id, appKey, label, roles, creation,
 * token age, expiry, last use, active; never a token. The keys are read and written a page at a time, so an
 * export of any size holds one page in memory; each page is read as it stands then.
 */
public interface ExportAppKeysUseCase {

    /**
     * The export the caller asks for, once it is known that it may have it: nothing is read or written until the
     * export is written.
     *
     * @throws io.appkeys.core.domain.ForbiddenException when the caller may not view the account's keys
     */
    Export exportAppKeys(Caller caller, ExportFormat format);

    /** An export of keys, to be written once. */
    interface Export {

        /**
         * Writes the export to {@code out}, flushing it at the end; returns how many keys it wrote.
         *
         * @throws java.io.UncheckedIOException when {@code out} fails (the reader went away): the export stops there
         */
        long writeTo(Writer out);
    }
}
