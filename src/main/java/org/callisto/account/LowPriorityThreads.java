package org.callisto.account;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads that yield the processors to everything else: each one raises its own nice value when it starts, so the
 * kernel runs it only with what the web server and the refresher leave. Password checks run on such threads: a
 * flood of logins then takes the processors' spare time, not the time the pages need.
 *
 * <p>Java's thread priorities do nothing on Linux without root and a JVM flag, hence the direct call: on Linux the
 * nice value is a per-thread attribute, and {@code setpriority(PRIO_PROCESS, 0, n)} sets the calling thread's (see
 * setpriority(2), "Bugs"). Elsewhere (FreeBSD, macOS) the same call would change the whole process, so nothing is
 * done there. When the call is not available (no native access) the threads run at normal priority and this is
 * logged once.
 *
 * <p>Thread-safe.
 */
final class LowPriorityThreads {
    private static final Logger LOG = LoggerFactory.getLogger(LowPriorityThreads.class);
    private static final int PRIO_PROCESS = 0;
    private static final MethodHandle SETPRIORITY = function("setpriority", 3);
    private static final MethodHandle GETPRIORITY = function("getpriority", 2);

    private LowPriorityThreads() {}

    /** A factory whose threads lower their own priority to {@code nice} (0 to 19) before running anything. */
    static ThreadFactory factory(ThreadFactory base, int nice) {
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("nice value " + nice + " is out of range; use 0 (normal) to 19");
        }
        return work -> base.newThread(() -> {
            lowerCurrent(nice);
            work.run();
        });
    }

    /**
     * Sets the calling thread's nice value to {@code nice}, or leaves it when it is already that low (a process
     * started with {@code nice -n 15} keeps 15); false when this system does not allow it (see the class comment).
     */
    static boolean lowerCurrent(int nice) {
        if (SETPRIORITY == null || GETPRIORITY == null || nice == 0) {
            return false;
        }
        try {
            // getpriority cannot fail for the calling thread, so -1 is a nice value here, not an error
            int now = (int) GETPRIORITY.invokeExact(PRIO_PROCESS, 0);
            return now >= nice || (int) SETPRIORITY.invokeExact(PRIO_PROCESS, 0, nice) == 0;
        } catch (Throwable e) {
            return false;
        }
    }

    /** The C function {@code name} taking {@code arguments} ints and returning an int; null where not wanted. */
    private static MethodHandle function(String name, int arguments) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).equals("linux")) {
            return null;
        }
        try {
            Linker linker = Linker.nativeLinker();
            ValueLayout[] ints = new ValueLayout[arguments];
            java.util.Arrays.fill(ints, ValueLayout.JAVA_INT);
            return linker.defaultLookup()
                    .find(name)
                    .map(address -> linker.downcallHandle(address, FunctionDescriptor.of(ValueLayout.JAVA_INT, ints)))
                    .orElse(null);
        } catch (RuntimeException | Error e) {
            LOG.info(
                    "password checks run at normal priority: lowering a thread's priority needs native access ({});"
                            + " start Java with --enable-native-access=ALL-UNNAMED, as bin/callisto does",
                    e.getMessage());
            return null;
        }
    }
}
