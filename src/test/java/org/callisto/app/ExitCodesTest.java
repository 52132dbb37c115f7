package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A failure nobody planned for is one line asking for a report: no stack trace, no exception class name. */
class ExitCodesTest {

    @Test
    void anUnexpectedExceptionIsOneLineWithoutItsClassNameOrStackTrace() throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new Main()).setErr(new PrintWriter(err));

        int code = new ExitCodes()
                .handleExecutionException(new IllegalStateException("the index is in a strange state"), cmd, null);

        assertThat(code).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString())
                .isEqualTo("callisto: failed unexpectedly (the index is in a strange state); this is a bug: please"
                        + " report it with the command line, and run it again with CALLISTO_DEBUG=1 in the"
                        + " environment to see where it failed" + System.lineSeparator())
                .doesNotContain("IllegalStateException")
                .doesNotContain("\tat ");
    }

    @Test
    void anUnexpectedExceptionWithoutAMessageSaysNoMore() throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new Main()).setErr(new PrintWriter(err));

        new ExitCodes().handleExecutionException(new NullPointerException(), cmd, null);

        assertThat(err.toString())
                .startsWith("callisto: failed unexpectedly; this is a bug")
                .doesNotContain("Null");
    }
}
