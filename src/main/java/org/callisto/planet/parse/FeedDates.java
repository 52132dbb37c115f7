package org.callisto.planet.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the dates feeds contain: RFC 822/1123/2822 ({@code Tue, 02 Jan 2024 03:04:05 GMT}), RFC 3339/ISO 8601
 * ({@code 2024-01-02T03:04:05.123+01:00}) and their common broken variants: missing seconds, two-digit years,
 * named zones (GMT, UT, Z, EST, PDT, CET, ...), missing zone (taken as UTC), wrong or missing day names, extra
 * whitespace and commas, a space instead of {@code T}, lowercase or full month names, {@code asctime} order
 * ({@code Tue Jan 2 03:04:05 2024}), AM/PM, {@code 2024/01/02}, compact {@code 20240102T030405Z}.
 * Stateless and thread-safe; never throws on bad input.
 */
public final class FeedDates {
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("Z", 0),
            Map.entry("UT", 0),
            Map.entry("UTC", 0),
            Map.entry("GMT", 0),
            Map.entry("WET", 0),
            Map.entry("EST", -300),
            Map.entry("EDT", -240),
            Map.entry("CST", -360),
            Map.entry("CDT", -300),
            Map.entry("MST", -420),
            Map.entry("MDT", -360),
            Map.entry("PST", -480),
            Map.entry("PDT", -420),
            Map.entry("AKST", -540),
            Map.entry("AKDT", -480),
            Map.entry("HST", -600),
            Map.entry("AST", -240),
            Map.entry("ADT", -180),
            Map.entry("NST", -210),
            Map.entry("NDT", -150),
            Map.entry("BST", 60),
            Map.entry("IST", 60),
            Map.entry("CET", 60),
            Map.entry("CEST", 120),
            Map.entry("MET", 60),
            Map.entry("MEST", 120),
            Map.entry("EET", 120),
            Map.entry("EEST", 180),
            Map.entry("WEST", 60),
            Map.entry("MSK", 180),
            Map.entry("JST", 540),
            Map.entry("KST", 540),
            Map.entry("HKT", 480),
            Map.entry("SGT", 480),
            Map.entry("AEST", 600),
            Map.entry("AEDT", 660),
            Map.entry("ACST", 570),
            Map.entry("AWST", 480),
            Map.entry("NZST", 720),
            Map.entry("NZDT", 780),
            Map.entry("A", -60),
            Map.entry("M", -720),
            Map.entry("N", 60),
            Map.entry("Y", 720));

    private FeedDates() {}

    /** Parses {@code s} as a feed date, or returns null when it is not one. */
    public static Instant parse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        if (t.isEmpty() || t.length() > 100) {
            return null;
        }
        try {
            if (t.length() >= 4
                    && isDigit(t.charAt(0))
                    && isDigit(t.charAt(1))
                    && isDigit(t.charAt(2))
                    && isDigit(t.charAt(3))) {
                Instant iso = parseIso(t);
                if (iso != null) {
                    return iso;
                }
            }
            Instant rfc822 = parseRfc822(t);
            return rfc822 != null ? rfc822 : parseWords(t);
        } catch (DateTimeException | IndexOutOfBoundsException | NumberFormatException e) {
            return null;
        }
    }

    // ISO 8601 / RFC 3339 and near misses: 2024-01-02[T| ]03:04[:05[.123]][Z|+01:00|+0100|+01| GMT]
    private static Instant parseIso(String t) {
        int[] p = {0};
        int year = digits(t, p, 4, 4);
        int month = 1;
        int day = 1;
        char sep = p[0] < t.length() ? t.charAt(p[0]) : 0;
        if (sep == '-' || sep == '/' || sep == '.') {
            p[0]++;
            month = digits(t, p, 1, 2);
            if (month < 0) {
                return null;
            }
            if (p[0] < t.length() && t.charAt(p[0]) == sep) {
                p[0]++;
                day = digits(t, p, 1, 2);
                if (day < 0) {
                    return null;
                }
            }
        } else if (p[0] + 4 <= t.length() && isDigit(t.charAt(p[0]))) {
            month = digits(t, p, 2, 2);
            day = digits(t, p, 2, 2);
            if (month < 0 || day < 0) {
                return null;
            }
        } else if (p[0] != t.length()) {
            return null;
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        int nanos = 0;
        int i = p[0];
        if (i < t.length() && (t.charAt(i) == 'T' || t.charAt(i) == 't' || t.charAt(i) == ' ')) {
            int j = i + 1;
            while (j < t.length() && t.charAt(j) == ' ') {
                j++;
            }
            if (j < t.length() && isDigit(t.charAt(j))) {
                p[0] = j;
                hour = digits(t, p, 1, 2);
                boolean colon = p[0] < t.length() && t.charAt(p[0]) == ':';
                if (colon) {
                    p[0]++;
                }
                minute = digits(t, p, 2, 2);
                if (hour < 0 || minute < 0) {
                    return null;
                }
                if (p[0] < t.length() && (t.charAt(p[0]) == ':' || !colon && isDigit(t.charAt(p[0])))) {
                    if (t.charAt(p[0]) == ':') {
                        p[0]++;
                    }
                    second = digits(t, p, 2, 2);
                    if (second < 0) {
                        return null;
                    }
                    if (second == 60) {
                        second = 59;
                    }
                    if (p[0] < t.length() && (t.charAt(p[0]) == '.' || t.charAt(p[0]) == ',')) {
                        p[0]++;
                        int start = p[0];
                        long frac = 0;
                        int count = 0;
                        while (p[0] < t.length() && isDigit(t.charAt(p[0]))) {
                            if (count < 9) {
                                frac = frac * 10 + (t.charAt(p[0]) - '0');
                                count++;
                            }
                            p[0]++;
                        }
                        if (p[0] == start) {
                            return null;
                        }
                        while (count < 9) {
                            frac *= 10;
                            count++;
                        }
                        nanos = (int) frac;
                    }
                }
            }
        }
        String rest = t.substring(p[0]).trim();
        Integer offset = rest.isEmpty() ? Integer.valueOf(0) : zone(rest);
        if (offset == null) {
            return null;
        }
        boolean endOfDay = hour == 24 && minute == 0 && second == 0;
        LocalDateTime ldt = LocalDateTime.of(year, month, day, endOfDay ? 0 : hour, minute, second, nanos);
        if (endOfDay) {
            ldt = ldt.plusDays(1);
        }
        return ldt.toInstant(ZoneOffset.ofTotalSeconds(offset * 60));
    }

    /**
     * The canonical RFC 822 shape most RSS feeds write, {@code [Ddd, ]D[D] Mon YYYY HH:MM:SS[ ZONE]}, read in one
     * pass without tokens or substrings; null for anything else (which {@link #parseWords} then reads). It accepts
     * only what {@code parseWords} reads the same way, so it changes no result, only the time taken.
     */
    private static Instant parseRfc822(String t) {
        int n = t.length();
        int i = 0;
        if (n > 5 && isLetter(t.charAt(0)) && t.charAt(3) == ',' && t.charAt(4) == ' ') {
            if (!isDayName(t.substring(0, 3).toUpperCase(Locale.ROOT))) {
                return null;
            }
            i = 5;
        }
        int dayStart = i;
        while (i < n && i - dayStart < 3 && isDigit(t.charAt(i))) {
            i++;
        }
        int dayDigits = i - dayStart;
        // " Mon YYYY HH:MM:SS" takes 18 characters
        if (dayDigits < 1 || dayDigits > 2 || i + 18 > n || t.charAt(i) != ' ') {
            return null;
        }
        int day = dayDigits == 1
                ? t.charAt(dayStart) - '0'
                : (t.charAt(dayStart) - '0') * 10 + t.charAt(dayStart + 1) - '0';
        if (day > 31) {
            return null;
        }
        int month = shortMonth(t.charAt(i + 1), t.charAt(i + 2), t.charAt(i + 3));
        if (month < 0 || t.charAt(i + 4) != ' ') {
            return null;
        }
        i += 5;
        int year = fixedDigits(t, i, 4);
        if (year < 0 || t.charAt(i + 4) != ' ') {
            return null;
        }
        if (year < 100) {
            year += year < 50 ? 2000 : 1900;
        }
        i += 5;
        int hour = fixedDigits(t, i, 2);
        int minute = fixedDigits(t, i + 3, 2);
        int second = fixedDigits(t, i + 6, 2);
        if (hour < 0 || minute < 0 || second < 0 || t.charAt(i + 2) != ':' || t.charAt(i + 5) != ':') {
            return null;
        }
        i += 8;
        int offset = 0;
        if (i < n) {
            if (t.charAt(i) != ' ' || i + 1 >= n) {
                return null;
            }
            for (int k = i + 1; k < n; k++) {
                char c = t.charAt(k);
                if (c == ',' || Character.isWhitespace(c)) {
                    return null;
                }
            }
            Integer z = zone(t.substring(i + 1));
            if (z == null) {
                return null;
            }
            offset = z;
        }
        if (second == 60) {
            second = 59;
        }
        boolean endOfDay = hour == 24 && minute == 0 && second == 0;
        LocalDateTime ldt = LocalDateTime.of(year, month, day, endOfDay ? 0 : hour, minute, second);
        if (endOfDay) {
            ldt = ldt.plusDays(1);
        }
        return ldt.toInstant(ZoneOffset.ofTotalSeconds(offset * 60));
    }

    /** The month of a three-letter English abbreviation in any case (1-12), or -1. */
    private static int shortMonth(char a, char b, char c) {
        if (!isLetter(a) || !isLetter(b) || !isLetter(c)) {
            return -1;
        }
        int key = (Character.toLowerCase(a) << 16) | (Character.toLowerCase(b) << 8) | Character.toLowerCase(c);
        for (int m = 0; m < 12; m++) {
            String name = MONTHS[m];
            if (key == ((name.charAt(0) << 16) | (name.charAt(1) << 8) | name.charAt(2))) {
                return m + 1;
            }
        }
        return -1;
    }

    /** The value of exactly {@code count} ASCII digits at {@code at}, or -1. */
    private static int fixedDigits(String t, int at, int count) {
        if (at + count > t.length()) {
            return -1;
        }
        int v = 0;
        for (int k = at; k < at + count; k++) {
            char c = t.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    // RFC 822 family and other word orders, token by token
    static Instant parseWords(String t) {
        int day = -1;
        int month = -1;
        int year = -1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        Integer offset = null;
        boolean pm = false;
        boolean am = false;
        String[] tokens = tokens(t);
        for (int k = 0; k < tokens.length; k++) {
            String tok = tokens[k];
            if (tok.isEmpty()) {
                continue;
            }
            char c0 = tok.charAt(0);
            if (tok.indexOf(':') > 0 && isDigit(c0)) {
                String time = tok;
                int zoneAt = firstIndexOf(time, '+', '-', 'Z', 'z');
                if (zoneAt > 0) {
                    offset = zone(time.substring(zoneAt));
                    time = time.substring(0, zoneAt);
                }
                String[] hms = time.split(":");
                hour = Integer.parseInt(hms[0]);
                minute = hms.length > 1 && !hms[1].isEmpty() ? Integer.parseInt(hms[1]) : 0;
                if (hms.length > 2 && !hms[2].isEmpty()) {
                    String sec = hms[2];
                    int dot = sec.indexOf('.');
                    second = Integer.parseInt(dot >= 0 ? sec.substring(0, dot) : sec);
                }
            } else if ((c0 == '+' || c0 == '-') && tok.length() > 1 && isDigit(tok.charAt(1))) {
                offset = zone(tok);
            } else if (isDigit(c0)) {
                if (tok.indexOf('/') > 0 || tok.indexOf('-') > 0 || tok.indexOf('.') > 0) {
                    // 02/01/2024 or 02-Jan-2024 or 2.1.2024: day first (as in RFC 822 order), month may be a name
                    String[] parts = tok.split("[/.-]");
                    if (parts.length == 3) {
                        int a = Integer.parseInt(parts[0]);
                        Integer m = isDigit(parts[1].charAt(0))
                                ? Integer.valueOf(Integer.parseInt(parts[1]))
                                : month(parts[1]);
                        if (m == null) {
                            return null;
                        }
                        if (tok.indexOf('/') > 0 && isDigit(parts[1].charAt(0)) && m > 12 && a <= 12) {
                            day = m;
                            month = a;
                        } else {
                            day = a;
                            month = m;
                        }
                        year = Integer.parseInt(parts[2]);
                        continue;
                    }
                    return null;
                }
                String digits = tok.length() > 2
                                && (tok.endsWith("st")
                                        || tok.endsWith("nd")
                                        || tok.endsWith("rd")
                                        || tok.endsWith("th"))
                        ? tok.substring(0, tok.length() - 2)
                        : tok;
                if (!digits.chars().allMatch(FeedDates::isDigit)) {
                    return null;
                }
                int v = Integer.parseInt(digits);
                if (digits.length() >= 3 || v > 31 || day >= 0) {
                    if (year >= 0 && day < 0 && v <= 31) {
                        day = v;
                    } else {
                        year = v;
                    }
                } else {
                    day = v;
                }
            } else {
                String word = tok.replace(".", "");
                Integer m = month(word);
                if (m != null && month < 0) {
                    month = m;
                    continue;
                }
                String upper = word.toUpperCase(Locale.ROOT);
                if (upper.equals("AM")) {
                    am = true;
                } else if (upper.equals("PM")) {
                    pm = true;
                } else if (isDayName(upper)) {
                    continue;
                } else if (upper.equals("AT") || upper.equals("ON") || upper.equals("THE") || upper.equals("OF")) {
                    continue;
                } else {
                    Integer z = zone(tok);
                    if (z != null) {
                        offset = z;
                    } else if (offset == null || k < tokens.length - 1) {
                        // unknown word: tolerate it only at the end (e.g. a zone we do not know)
                        if (k != tokens.length - 1) {
                            return null;
                        }
                    }
                }
            }
        }
        if (day < 0 || month < 0 || year < 0) {
            return null;
        }
        if (year < 100) {
            year += year < 50 ? 2000 : 1900;
        }
        if (pm && hour < 12) {
            hour += 12;
        } else if (am && hour == 12) {
            hour = 0;
        }
        if (second == 60) {
            second = 59;
        }
        boolean endOfDay = hour == 24 && minute == 0 && second == 0;
        LocalDateTime ldt = LocalDateTime.of(year, month, day, endOfDay ? 0 : hour, minute, second);
        if (endOfDay) {
            ldt = ldt.plusDays(1);
        }
        return ldt.toInstant(ZoneOffset.ofTotalSeconds((offset == null ? 0 : offset) * 60));
    }

    /** A zone as minutes east of UTC: Z, +01:00, +0100, +01, -5, GMT+1, UTC-05:00, or a name; null if unknown. */
    static Integer zone(String z) {
        String s = z.trim();
        if (s.isEmpty()) {
            return null;
        }
        String upper = s.toUpperCase(Locale.ROOT);
        Integer named = ZONES.get(upper);
        if (named != null) {
            return named;
        }
        if ((upper.startsWith("GMT") || upper.startsWith("UTC")) && upper.length() > 3) {
            return zone(upper.substring(3));
        }
        if (upper.startsWith("UT") && upper.length() > 2 && (upper.charAt(2) == '+' || upper.charAt(2) == '-')) {
            return zone(upper.substring(2));
        }
        char sign = s.charAt(0);
        if (sign != '+' && sign != '-') {
            return null;
        }
        String d = s.substring(1).replace(":", "");
        if (d.isEmpty() || d.length() > 4 || !d.chars().allMatch(FeedDates::isDigit)) {
            return null;
        }
        int h;
        int m;
        if (d.length() <= 2) {
            h = Integer.parseInt(d);
            m = 0;
        } else {
            h = Integer.parseInt(d.substring(0, d.length() - 2));
            m = Integer.parseInt(d.substring(d.length() - 2));
        }
        if (h > 18 || m > 59) {
            return null;
        }
        int total = h * 60 + m;
        return sign == '-' ? -total : total;
    }

    private static final String[] MONTHS = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
    };
    private static final String[] FULL_MONTHS = {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december"
    };
    private static final String[] DAYS = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"};

    private static Integer month(String word) {
        if (word.length() < 3) {
            return null;
        }
        String w = word.toLowerCase(Locale.ROOT);
        for (int i = 0; i < 12; i++) {
            if (w.equals(MONTHS[i])
                    || w.equals(FULL_MONTHS[i])
                    || (w.length() == 4 && w.startsWith(MONTHS[i]) && FULL_MONTHS[i].startsWith(w))) {
                return i + 1;
            }
        }
        // a few non-English abbreviations seen in the wild
        return switch (w) {
            case "mär", "mrz", "maerz" -> 3;
            case "mai" -> 5;
            case "okt" -> 10;
            case "dez" -> 12;
            default -> null;
        };
    }

    private static boolean isDayName(String upper) {
        if (upper.length() < 3) {
            return false;
        }
        if (upper.equals("TUES") || upper.equals("THUR") || upper.equals("THURS") || upper.equals("WEDS")) {
            return true;
        }
        for (String d : DAYS) {
            if (d.startsWith(upper)) {
                return true;
            }
        }
        return false;
    }

    /** Splits on whitespace and commas without regular expressions. */
    private static String[] tokens(String t) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>(8);
        int n = t.length();
        int i = 0;
        while (i < n) {
            while (i < n && (Character.isWhitespace(t.charAt(i)) || t.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(t.charAt(i)) && t.charAt(i) != ',') {
                i++;
            }
            if (i > start) {
                out.add(t.substring(start, i));
            }
        }
        return out.toArray(new String[0]);
    }

    private static int firstIndexOf(String s, char... cs) {
        for (int i = 1; i < s.length(); i++) {
            for (char c : cs) {
                if (s.charAt(i) == c) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int digits(String t, int[] p, int min, int max) {
        int i = p[0];
        int v = 0;
        int count = 0;
        while (i < t.length() && count < max && isDigit(t.charAt(i))) {
            v = v * 10 + (t.charAt(i) - '0');
            i++;
            count++;
        }
        if (count < min) {
            return -1;
        }
        p[0] = i;
        return v;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
