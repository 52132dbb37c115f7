package org.callisto.show.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A list of named user-agent patterns read from a text file: the bots and crawlers whose downloads are not counted,
 * or the podcast apps downloads are attributed to. One rule a line, {@code NAME = REGEX} (or just {@code REGEX},
 * named by itself); blank lines and lines starting with {@code #} are ignored. A pattern is a Java regular
 * expression found anywhere in the {@code User-Agent} (anchor it with {@code ^}); the first rule that matches wins.
 *
 * <p>Callisto ships two lists, written for it from the patterns of the open OPAWG user-agents list
 * (github.com/opawg/user-agents): {@code bots.txt} and {@code podcast-apps.txt} beside this class; the
 * configuration may name other files ({@code show.downloads.bots_file}, {@code show.downloads.apps_file}).
 *
 * <p>Immutable and thread-safe.
 */
public final class UserAgentRules {
    /** One rule: the name reported and the pattern. */
    public record Rule(String name, Pattern pattern) {}

    private final String source;
    private final List<Rule> rules;

    private UserAgentRules(String source, List<Rule> rules) {
        this.source = source;
        this.rules = List.copyOf(rules);
    }

    /** The bots and crawlers list shipped with Callisto. */
    public static UserAgentRules shippedBots() {
        return shipped("bots.txt");
    }

    /** The podcast apps list shipped with Callisto. */
    public static UserAgentRules shippedApps() {
        return shipped("podcast-apps.txt");
    }

    private static UserAgentRules shipped(String name) {
        try (InputStream in = UserAgentRules.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + name + " is missing from Callisto's jar");
            }
            return parse(name, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | MediaException e) {
            throw new IllegalStateException("cannot read Callisto's own " + name + ": " + e.getMessage(), e);
        }
    }

    /** Reads a list from {@code file}; a bad line is an error naming the file, the line and what to fix. */
    public static UserAgentRules read(Path file) throws MediaException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), in);
        } catch (IOException e) {
            throw new MediaException("cannot read the user-agent list " + file + ": " + e.getMessage()
                    + "; check the path in the configuration");
        }
    }

    static UserAgentRules parse(String source, Reader reader) throws IOException, MediaException {
        List<Rule> rules = new ArrayList<>();
        BufferedReader in = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int eq = text.indexOf(" = ");
            String name = eq < 0 ? text : text.substring(0, eq).strip();
            String regex = eq < 0 ? text : text.substring(eq + 3).strip();
            if (name.isEmpty() || regex.isEmpty()) {
                throw new MediaException(
                        source + ":" + number + ": expected NAME = REGEX or a REGEX alone, got '" + text + "'");
            }
            try {
                rules.add(new Rule(name, Pattern.compile(regex)));
            } catch (PatternSyntaxException e) {
                throw new MediaException(source + ":" + number + ": '" + regex + "' is not a regular expression ("
                        + e.getDescription() + " at index " + e.getIndex() + "); fix or remove the line");
            }
        }
        return new UserAgentRules(source, rules);
    }

    /** The name of the first rule matching {@code userAgent}, or null when none does. */
    public String match(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        for (Rule r : rules) {
            if (r.pattern().matcher(userAgent).find()) {
                return r.name();
            }
        }
        return null;
    }

    /** The rules, in order. */
    public List<Rule> rules() {
        return rules;
    }

    /** Where the list was read from. */
    public String source() {
        return source;
    }
}
