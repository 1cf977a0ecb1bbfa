package io.appkeys.adapter.cli;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.Cursor;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.IpAddress;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.PersonName;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.RoleName;
import io.appkeys.core.port.in.KeyFilter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Options and parameters are typed with core's value objects, so input is validated while the command line is
 * parsed, before the store is opened, with the domain's own message.
 */
final class Converters {

    private Converters() {}

    static void registerOn(CommandLine commandLine) {
        commandLine.registerConverter(AccountName.class, domain(AccountName::new));
        commandLine.registerConverter(AppKeyName.class, domain(AppKeyName::new));
        commandLine.registerConverter(Cursor.class, domain(Cursor::decode));
        commandLine.registerConverter(Email.class, domain(Email::new));
        commandLine.registerConverter(IpAddress.class, domain(IpAddress::parse));
        commandLine.registerConverter(KeyRef.class, domain(KeyRef::parse));
        commandLine.registerConverter(Label.class, domain(Label::new));
        // a list's --label: a part of a label to look for
        commandLine.registerConverter(KeyFilter.class, domain(KeyFilter.ALL::withLabel));
        commandLine.registerConverter(Lifetime.class, domain(Lifetime::parse));
        commandLine.registerConverter(Instant.class, domain(Converters::instant));
        commandLine.registerConverter(PersonName.class, domain(PersonName::new));
        commandLine.registerConverter(PrincipalRef.class, domain(PrincipalRef::parse));
        commandLine.registerConverter(ResourceName.class, domain(ResourceName::new));
        commandLine.registerConverter(RoleId.class, domain(RoleId::parse));
        commandLine.registerConverter(RoleName.class, domain(RoleName::new));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("an instant is ISO-8601 in UTC (2027-01-31T00:00:00Z), got " + text);
        }
    }

    private static <T> ITypeConverter<T> domain(Function<String, T> parse) {
        return text -> {
            try {
                return parse.apply(text);
            } catch (InvalidInputException e) {
                throw new TypeConversionException(e.getMessage());
            }
        };
    }
}
