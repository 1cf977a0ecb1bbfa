package io.appkeys.adapter.cli;

import io.appkeys.core.domain.StoreUnavailableException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on stderr and its exit code; the stack trace follows only with
 * {@code --verbose}.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {

    /** An appToken is 128 capital letters; a run this long in a message is one pasted where it should not be. */
    /** An appToken's shape (a long run of capitals), or a signed token's (a JWT). */
    private static final Pattern TOKEN_LIKE =
            Pattern.compile("[A-Z]{64,}|eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");

    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");

    private final BooleanSupplier verbose;
    private final UnaryOperator<String> redactor;

    /** @param redactor masks the store's password in any text, such as a driver's message or a stack trace */
    ErrorReporter(BooleanSupplier verbose, UnaryOperator<String> redactor) {
        this.verbose = verbose;
        this.redactor = redactor;
    }

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        report(
                command.getErr(),
                name + ": " + failure.getMessage() + suggestions(failure) + " (see '" + name + " --help')",
                failure);
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parseResult) {
        int code = ExitCodes.of(failure);
        report(command.getErr(), command.getCommandSpec().qualifiedName() + ": " + describe(failure, code), failure);
        return code;
    }

    private static String describe(Exception failure, int code) {
        if (code == ExitCodes.SOFTWARE) {
            return "unexpected error: " + failure + " (rerun with --verbose for the stack trace)";
        }
        if (failure instanceof StoreUnavailableException) {
            return "store unavailable: " + failure.getMessage();
        }
        return String.valueOf(failure.getMessage());
    }

    private static String suggestions(ParameterException failure) {
        if (failure instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                return "; did you mean " + String.join(" or ", suggestions) + "?";
            }
        }
        return "";
    }

    private void report(PrintWriter err, String message, Exception failure) {
        err.println(redactor.apply(oneLine(message)));
        if (verbose.getAsBoolean()) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            err.print(redactor.apply(TOKEN_LIKE.matcher(trace.toString()).replaceAll("[redacted]")));
        }
        err.flush();
    }

    static String oneLine(String message) {
        String line = LINE_BREAKS.matcher(message).replaceAll(" ");
        return TOKEN_LIKE.matcher(line).replaceAll("[redacted]");
    }
}
