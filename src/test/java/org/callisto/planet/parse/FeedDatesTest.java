package org.callisto.planet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The dates feeds really contain, well-formed and broken, each with the instant it must mean. */
class FeedDatesTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // RFC 822 / 1123 / 2822
                "Tue, 02 Jan 2024 03:04:05 GMT        | 2024-01-02T03:04:05Z",
                "Tue, 02 Jan 2024 03:04:05 +0000      | 2024-01-02T03:04:05Z",
                "Tue, 02 Jan 2024 03:04:05 -0500      | 2024-01-02T08:04:05Z",
                "Tue, 2 Jan 2024 03:04:05 +0130       | 2024-01-02T01:34:05Z",
                "Tue, 02 Jan 2024 03:04:05 UT         | 2024-01-02T03:04:05Z",
                "Tue, 02 Jan 2024 03:04:05 Z          | 2024-01-02T03:04:05Z",
                "Tue, 02 Jan 2024 03:04:05 EST        | 2024-01-02T08:04:05Z",
                "Tue, 02 Jan 2024 03:04:05 EDT        | 2024-01-02T07:04:05Z",
                "Tue, 02 Jan 2024 03:04:05 PST        | 2024-01-02T11:04:05Z",
                "Tue, 02 Jan 2024 03:04:05 PDT        | 2024-01-02T10:04:05Z",
                "Tue, 02 Jan 2024 03:04:05 CET        | 2024-01-02T02:04:05Z",
                "Tue, 02 Jan 2024 03:04:05 +01:00     | 2024-01-02T02:04:05Z",
                "Tue, 02 Jan 2024 03:04:05 GMT+2      | 2024-01-02T01:04:05Z",
                // broken variants
                "Tue, 02 Jan 2024 03:04 GMT           | 2024-01-02T03:04:00Z",
                "Tue, 02 Jan 24 03:04:05 GMT          | 2024-01-02T03:04:05Z",
                "Sat, 02 Jan 99 03:04:05 GMT          | 1999-01-02T03:04:05Z",
                "Tue, 02 Jan 2024 03:04:05            | 2024-01-02T03:04:05Z",
                "Mon, 02 Jan 2024 03:04:05 GMT        | 2024-01-02T03:04:05Z",
                "02 Jan 2024 03:04:05 GMT             | 2024-01-02T03:04:05Z",
                "  Tue,   02  Jan   2024  03:04:05   GMT  | 2024-01-02T03:04:05Z",
                "Tue,02 Jan 2024 03:04:05 GMT         | 2024-01-02T03:04:05Z",
                "tue, 02 jan 2024 03:04:05 gmt        | 2024-01-02T03:04:05Z",
                "Tuesday, 02 January 2024 03:04:05 GMT | 2024-01-02T03:04:05Z",
                "Tue, 02 Sept 2024 03:04:05 GMT       | 2024-09-02T03:04:05Z",
                "Tue, 02 JAN 2024 03:04:05 GMT        | 2024-01-02T03:04:05Z",
                "Tue, 02 Jan 2024 3:04:05 GMT         | 2024-01-02T03:04:05Z",
                "Tue, 02 Jan 2024 03:04:05 GMT GMT    | 2024-01-02T03:04:05Z",
                "Tue, 02 Jan 2024 03:04:05.123 GMT    | 2024-01-02T03:04:05Z",
                "Tue, 02 Jan 2024 03:04:05 Europe/Nowhere | 2024-01-02T03:04:05Z",
                "02 Jan 2024                          | 2024-01-02T00:00:00Z",
                "Jan 02 2024 03:04:05                 | 2024-01-02T03:04:05Z",
                "January 2, 2024 3:04 PM              | 2024-01-02T15:04:00Z",
                "January 2nd, 2024                    | 2024-01-02T00:00:00Z",
                "Tue Jan  2 03:04:05 2024             | 2024-01-02T03:04:05Z",
                "Tue Jan 2 03:04:05 UTC 2024          | 2024-01-02T03:04:05Z",
                "02-Jan-2024 03:04:05 +0000           | 2024-01-02T03:04:05Z",
                "Tue, 02 Jan 2024 12:00:00 AM GMT     | 2024-01-02T00:00:00Z",
                "Tue, 02 Jan 2024 24:00:00 GMT        | 2024-01-03T00:00:00Z",
                "Tue, 02 Jan 2024 03:04:05 +0000 (UTC) | 2024-01-02T03:04:05Z",
                // RFC 3339 / ISO 8601
                "2024-01-02T03:04:05Z                 | 2024-01-02T03:04:05Z",
                "2024-01-02T03:04:05.52Z              | 2024-01-02T03:04:05.520Z",
                "2024-01-02T03:04:05.123456789Z       | 2024-01-02T03:04:05.123456789Z",
                "2024-01-02T03:04:05+01:00            | 2024-01-02T02:04:05Z",
                "2024-01-02T03:04:05-0800             | 2024-01-02T11:04:05Z",
                "2024-01-02T03:04:05+01               | 2024-01-02T02:04:05Z",
                "2024-01-02T03:04:05                  | 2024-01-02T03:04:05Z",
                "2024-01-02T03:04Z                    | 2024-01-02T03:04:00Z",
                "2024-01-02 03:04:05                  | 2024-01-02T03:04:05Z",
                "2024-01-02 03:04:05 +0200            | 2024-01-02T01:04:05Z",
                "2024-01-02 03:04:05 GMT              | 2024-01-02T03:04:05Z",
                "2024-01-02t03:04:05z                 | 2024-01-02T03:04:05Z",
                "2024-01-02                           | 2024-01-02T00:00:00Z",
                "2024-01                              | 2024-01-01T00:00:00Z",
                "2024                                 | 2024-01-01T00:00:00Z",
                "2024/01/02 03:04:05                  | 2024-01-02T03:04:05Z",
                "2024-1-2                             | 2024-01-02T00:00:00Z",
                "20240102T030405Z                     | 2024-01-02T03:04:05Z",
                "20240102                             | 2024-01-02T00:00:00Z",
                "2024-01-02T03:04:60Z                 | 2024-01-02T03:04:59Z",
                "2004-01-01T19:48:21+00:00            | 2004-01-01T19:48:21Z",
            })
    void parses(String input, String expected) {
        assertThat(FeedDates.parse(input)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "\"{0}\" is not a date")
    @ValueSource(
            strings = {
                "",
                "   ",
                "yesterday",
                "not a date",
                "32 Jan 2024",
                "2024-13-01",
                "2024-02-30",
                "Tue, 02 Foo 2024 03:04:05 GMT",
                "12:30",
                "2024-01-02T25:00:00Z",
                "Jan 2024",
                "99999999999999999999"
            })
    void rejects(String input) {
        assertThat(FeedDates.parse(input)).isNull();
    }

    @ParameterizedTest(name = "zone {0} is {1} minutes")
    @CsvSource({
        "Z, 0",
        "+0530, 330",
        "-03:30, -210",
        "+01, 60",
        "EST, -300",
        "utc, 0",
        "GMT-3, -180",
        "+2500, ",
        "XYZ, "
    })
    void zones(String zone, Integer minutes) {
        assertThat(FeedDates.zone(zone)).isEqualTo(minutes);
    }

    /**
     * The one-pass reading of the usual RFC 822 shape must mean exactly what the token-by-token reading means, for
     * well-formed and near-miss dates alike (a wrong day name, two-digit and 00xx years, 24:00, leap seconds, odd
     * zones, out-of-range days and hours).
     */
    @org.junit.jupiter.api.Test
    void rfc822FastPathAgreesWithTheWordByWordReading() {
        String[] days = {"", "Mon, ", "SAT, ", "Foo, ", "Mar, ", "Thu,"};
        String[] dayNumbers = {"0", "2", "31", "32", "123"};
        String[] months = {"Jan", "MAR", "dec", "Sept", "Foo"};
        String[] years = {"2024", "0050", "0099", "24", "99999"};
        String[] times = {"03:04:05", "23:59:60", "24:00:00", "25:00:00", "3:04:05", "03:04"};
        String[] zones = {
            "",
            " GMT",
            " +0000",
            " -0500",
            " +01:00",
            " EST",
            " A",
            " PM",
            " XYZ",
            " GMT+2",
            " +0000 (UTC)",
            " Jan",
            " +9999",
            "  GMT"
        };
        int checked = 0;
        for (String d : days) {
            for (String n : dayNumbers) {
                for (String m : months) {
                    for (String y : years) {
                        for (String t : times) {
                            for (String z : zones) {
                                String date = d + n + " " + m + " " + y + " " + t + z;
                                Instant expected;
                                try {
                                    expected = FeedDates.parseWords(date.trim());
                                } catch (RuntimeException invalid) {
                                    expected = null;
                                }
                                assertThat(FeedDates.parse(date)).as(date).isEqualTo(expected);
                                checked++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(6 * 5 * 5 * 5 * 6 * 14);
    }

    @org.junit.jupiter.api.Test
    void nullIsNull() {
        assertThat(FeedDates.parse(null)).isNull();
    }
}
