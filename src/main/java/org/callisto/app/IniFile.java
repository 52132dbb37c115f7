package org.callisto.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An INI file read with the semantics of Python's {@code ConfigParser} (the Python 2 one Planet and Planet Venus
 * use): {@code [section]} headers; {@code key = value} or {@code key: value} lines, split at the first {@code =} or
 * {@code :}; keys in lower case; whole-line comments starting with {@code #} or {@code ;}; inline comments after
 * whitespace and {@code ;}; a value continues on following lines that start with whitespace; the {@code [DEFAULT]}
 * section supplies values to every other section. Interpolation ({@code %(key)s}) is not performed.
 *
 * <p>Unlike ConfigParser, a malformed line does not stop the reading: it is recorded in {@link #problems()} with its
 * line number, and the rest of the file is still read.
 *
 * <p>Immutable once read, and thread-safe.
 */
public final class IniFile {
    public static final String DEFAULT_SECTION = "DEFAULT";

    /**
     * One section. Immutable.
     *
     * @param name   the name between the brackets, as written
     * @param line   the line of its header
     * @param values its keys (lower case) and values, in file order, without the defaults
     */
    public record Section(String name, int line, Map<String, String> values) {}

    private final Map<String, Section> sections;
    private final List<String> problems;

    private IniFile(Map<String, Section> sections, List<String> problems) {
        this.sections = sections;
        this.problems = problems;
    }

    /** Reads a whole file; {@code source} names it in problems. The caller closes {@code reader}. */
    public static IniFile read(Reader reader, String source) throws IOException {
        // Each section's values are collected in the map its Section keeps, so a file of many sections is held once.
        Map<String, Section> sections = new LinkedHashMap<>();
        Map<String, String> keys = new HashMap<>(); // one String per distinct key, however many sections use it
        List<String> problems = new ArrayList<>();
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String current = null;
        String lastKey = null;
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                if (stripped.isEmpty()) {
                    lastKey = null;
                }
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && current != null && lastKey != null) {
                Map<String, String> section = sections.get(current).values();
                section.put(lastKey, section.get(lastKey) + "\n" + stripComment(stripped));
                continue;
            }
            if (stripped.startsWith("[")) {
                int close = stripped.indexOf(']');
                if (close < 0) {
                    problems.add(source + ":" + number + ": section header '" + stripped + "' has no closing ']';"
                            + " write it as [name]");
                    current = null;
                    lastKey = null;
                    continue;
                }
                current = stripped.substring(1, close).strip();
                sections.putIfAbsent(current, new Section(current, number, new LinkedHashMap<>()));
                lastKey = null;
                continue;
            }
            int sep = separator(stripped);
            if (sep <= 0) {
                problems.add(source + ":" + number + ": '" + stripped + "' is neither a [section] nor a key = value"
                        + " line; ignored");
                lastKey = null;
                continue;
            }
            if (current == null) {
                problems.add(source + ":" + number + ": '" + stripped + "' comes before any [section]; ignored");
                continue;
            }
            String key = stripped.substring(0, sep).strip().toLowerCase(Locale.ROOT);
            key = keys.computeIfAbsent(key, k -> k);
            String value = stripComment(stripped.substring(sep + 1).strip());
            sections.get(current).values().put(key, value);
            lastKey = key;
        }
        Map<String, Section> readOnly = new LinkedHashMap<>();
        sections.forEach(
                (name, s) -> readOnly.put(name, new Section(name, s.line(), Collections.unmodifiableMap(s.values()))));
        return new IniFile(Collections.unmodifiableMap(readOnly), List.copyOf(problems));
    }

    /** The position of the first {@code =} or {@code :}, or -1. */
    private static int separator(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    /** Drops an inline comment: a {@code ;} preceded by whitespace, as Python 2's ConfigParser does. */
    private static String stripComment(String value) {
        for (int i = 1; i < value.length(); i++) {
            if (value.charAt(i) == ';' && Character.isWhitespace(value.charAt(i - 1))) {
                return value.substring(0, i).strip();
            }
        }
        return value;
    }

    /** Every section in file order, {@code [DEFAULT]} included when present. */
    public List<Section> sections() {
        return List.copyOf(sections.values());
    }

    public Optional<Section> section(String name) {
        return Optional.ofNullable(sections.get(name));
    }

    /**
     * A value of a section, falling back to {@code [DEFAULT]}.
     *
     * @param key compared without regard to case
     */
    public Optional<String> get(String section, String key) {
        String k = key.toLowerCase(Locale.ROOT);
        Section s = sections.get(section);
        if (s != null && s.values().containsKey(k)) {
            return Optional.of(s.values().get(k));
        }
        Section defaults = sections.get(DEFAULT_SECTION);
        if (defaults != null && defaults.values().containsKey(k)) {
            return Optional.of(defaults.values().get(k));
        }
        return Optional.empty();
    }

    /** Malformed lines, each with {@code source:line} and what was wrong. */
    public List<String> problems() {
        return problems;
    }
}
