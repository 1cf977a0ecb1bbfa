package io.appkeys.adapter.http.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.Arrays;

/** An exception as an encoder may write it: its message, and its causes' and suppressed ones', redacted. */
final class RedactedThrowable implements IThrowableProxy {

    private final IThrowableProxy throwable;

    private RedactedThrowable(IThrowableProxy throwable) {
        this.throwable = throwable;
    }

    static IThrowableProxy of(IThrowableProxy throwable) {
        return throwable == null ? null : new RedactedThrowable(throwable);
    }

    @Override
    public String getMessage() {
        return TokenShapes.redact(throwable.getMessage());
    }

    @Override
    public String getOverridingMessage() {
        return TokenShapes.redact(throwable.getOverridingMessage());
    }

    @Override
    public IThrowableProxy getCause() {
        return of(throwable.getCause());
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
        IThrowableProxy[] suppressed = throwable.getSuppressed();
        if (suppressed == null) {
            return null;
        }
        return Arrays.stream(suppressed).map(RedactedThrowable::of).toArray(IThrowableProxy[]::new);
    }

    @Override
    public String getClassName() {
        return throwable.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
        return throwable.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
        return throwable.getCommonFrames();
    }

    @Override
    public boolean isCyclic() {
        return throwable.isCyclic();
    }
}
