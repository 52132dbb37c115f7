package org.callisto.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.callisto.html.FragmentPolicy;
import org.callisto.html.FragmentValidator;
import org.callisto.html.HtmlSanitizer;
import org.callisto.html.SanitizePolicy;
import org.callisto.html.ValidationError;
import org.callisto.html.ValidationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code callisto html validate|sanitize FILE...}: checks members' HTML fragments against the journal's rules, or
 * prints what the sanitizer would store, without a running server. {@code -} reads standard input.
 *
 * <p>{@code validate} prints {@code FILE:LINE:COL: message} for each problem and exits with 1 when any file has
 * problems; {@code sanitize} prints the sanitized HTML. With {@code --json}, each prints one JSON object per file
 * and line: {@code {"file", "valid", "errors": [{"line", "column", "message", "excerpt"}], "html"}}. A file that
 * cannot be read, or is larger than {@code --max-size} (default {@value #DEFAULT_MAX_SIZE}), is reported on standard
 * error and gives exit code 2; the other files are still done.
 */
@Command(
        name = "html",
        mixinStandardHelpOptions = true,
        description = "Check or clean HTML written by members or found in feeds.",
        subcommands = {HtmlCommand.Validate.class, HtmlCommand.Sanitize.class})
public final class HtmlCommand implements Runnable {
    static final int INVALID = 1;
    static final int UNREADABLE = 2;
    /**
     * The largest input read by default: twenty times the longest submission, and small enough that even the
     * worst case (4 MiB of nested {@code <b><i>}) is cleaned within the command line's 512 MB heap.
     */
    static final String DEFAULT_MAX_SIZE = "4MiB";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The rules a fragment is checked against. */
    enum Policy {
        comment,
        submission,
        aggregated
    }

    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    @Command(
            name = "validate",
            mixinStandardHelpOptions = true,
            description = "Check HTML fragments; print FILE:LINE:COL: message for each problem.")
    static final class Validate implements Callable<Integer> {
        @Option(
                names = "--policy",
                defaultValue = "comment",
                description = "comment or submission (default: ${DEFAULT-VALUE})")
        Policy policy;

        @Option(names = "--json", description = "print one JSON object per file")
        boolean json;

        @Option(
                names = "--max-size",
                paramLabel = "SIZE",
                defaultValue = DEFAULT_MAX_SIZE,
                converter = SizeConverter.class,
                description = "Refuse inputs larger than this (default: ${DEFAULT-VALUE}; e.g. 32MiB).")
        long maxSize;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "files to check; - for standard input")
        List<String> files;

        @Override
        public Integer call() {
            if (policy == Policy.aggregated) {
                System.err.println("html validate: --policy must be comment or submission; feed content is not "
                        + "validated, only sanitized");
                return UNREADABLE;
            }
            FragmentPolicy rules = policy == Policy.comment ? FragmentPolicy.comment() : FragmentPolicy.submission();
            FragmentValidator validator = new FragmentValidator(rules);
            HtmlSanitizer sanitizer = new HtmlSanitizer(rules.sanitizePolicy());
            PrintWriter out = stdout();
            int exit = 0;
            for (String file : files) {
                String source;
                try {
                    source = read(file, maxSize);
                } catch (InputFiles.Unreadable e) {
                    System.err.println("html validate: " + e.getMessage());
                    exit = Math.max(exit, UNREADABLE);
                    continue;
                }
                ValidationResult result = validator.validate(source);
                if (!result.valid()) {
                    exit = Math.max(exit, INVALID);
                }
                if (json) {
                    out.println(jsonLine(file, result, result.valid() ? sanitizer.sanitize(source, null) : null));
                } else {
                    for (ValidationError e : result.errors()) {
                        out.println(file + ":" + e.line() + ":" + e.column() + ": " + e.message());
                    }
                }
            }
            out.flush();
            return exit;
        }
    }

    @Command(
            name = "sanitize",
            mixinStandardHelpOptions = true,
            description = "Print the HTML that would be stored for each file.")
    static final class Sanitize implements Callable<Integer> {
        @Option(
                names = "--policy",
                defaultValue = "comment",
                description = "comment, submission or aggregated (default: ${DEFAULT-VALUE})")
        Policy policy;

        @Option(
                names = "--base",
                paramLabel = "URL",
                description = "the page URL relative links are resolved against; without it they are dropped")
        String base;

        @Option(names = "--json", description = "print one JSON object per file")
        boolean json;

        @Option(
                names = "--max-size",
                paramLabel = "SIZE",
                defaultValue = DEFAULT_MAX_SIZE,
                converter = SizeConverter.class,
                description = "Refuse inputs larger than this (default: ${DEFAULT-VALUE}; e.g. 32MiB).")
        long maxSize;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "files to clean; - for standard input")
        List<String> files;

        @Override
        public Integer call() {
            FragmentValidator validator = switch (policy) {
                case comment -> FragmentValidator.comment();
                case submission -> FragmentValidator.submission();
                case aggregated -> null;
            };
            HtmlSanitizer sanitizer = new HtmlSanitizer(
                    switch (policy) {
                        case comment -> SanitizePolicy.comment();
                        case submission -> SanitizePolicy.submission();
                        case aggregated -> SanitizePolicy.aggregated();
                    });
            PrintWriter out = stdout();
            int exit = 0;
            for (String file : files) {
                String source;
                try {
                    source = read(file, maxSize);
                } catch (InputFiles.Unreadable e) {
                    System.err.println("html sanitize: " + e.getMessage());
                    exit = Math.max(exit, UNREADABLE);
                    continue;
                }
                String html = sanitizer.sanitize(source, base);
                if (json) {
                    out.println(jsonLine(file, validator == null ? null : validator.validate(source), html));
                } else {
                    out.println(html);
                }
            }
            out.flush();
            return exit;
        }
    }

    /** Standard output as UTF-8, looked up at call time so that tests can replace it. */
    private static PrintWriter stdout() {
        return new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    }

    /** Reads a file, or standard input for {@code -}, as UTF-8, refusing more than {@code maxSize} bytes. */
    private static String read(String file, long maxSize) throws InputFiles.Unreadable {
        return new String(InputFiles.read(file, maxSize, "the --max-size flag"), StandardCharsets.UTF_8);
    }

    /** One file's result as a JSON line; {@code result} null means not validated (feed content). */
    private static String jsonLine(String file, ValidationResult result, String html) {
        ObjectNode node = JSON.createObjectNode();
        node.put("file", file);
        if (result == null) {
            node.putNull("valid");
        } else {
            node.put("valid", result.valid());
        }
        ArrayNode errors = node.putArray("errors");
        if (result != null) {
            for (ValidationError e : result.errors()) {
                errors.addObject()
                        .put("line", e.line())
                        .put("column", e.column())
                        .put("message", e.message())
                        .put("excerpt", e.excerpt());
            }
        }
        if (html == null) {
            node.putNull("html");
        } else {
            node.put("html", html);
        }
        return node.toString();
    }
}
