package org.callisto.web;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Nu Html Checker (the engine of the W3C's HTML validator), run in process on the HTML5 schema.
 *
 * <p>The checker's entity resolver is built on Jetty 11's HTTP client, which cannot share a class path with the
 * Jetty 12 that the server runs on. So the checker is loaded in a class loader of its own: the test class path
 * without any Jetty jar, plus the Jetty 11 client jars that the build copies to the folder named by the system
 * property {@code callisto.nu-validator-jetty}. Only JDK types ({@link InputSource}, {@link ErrorHandler}) cross
 * between the two. The schemas ship inside the checker's jar, so nothing is fetched.
 *
 * <p>Not thread-safe: one document at a time.
 */
public final class NuChecker implements AutoCloseable {
    private static final String HTML5_SCHEMA = "http://s.validator.nu/html5-all.rnc";

    /** One message of the checker: line and column in the document, and the text. */
    public record Message(int line, int column, String text) {
        @Override
        public String toString() {
            return line + ":" + column + ": " + text;
        }
    }

    /** What the checker said about one document. */
    public record Report(List<Message> errors, List<Message> warnings) {}

    private final URLClassLoader loader;
    private final Object validator;
    private final Method checkHtml;
    private final Method checkCss;
    private final Collector collector = new Collector();

    private static final class Collector implements ErrorHandler {
        List<Message> errors = new ArrayList<>();
        List<Message> warnings = new ArrayList<>();

        private static Message message(SAXParseException e) {
            return new Message(e.getLineNumber(), e.getColumnNumber(), e.getMessage());
        }

        @Override
        public void warning(SAXParseException e) {
            warnings.add(message(e));
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(message(e));
        }

        @Override
        public void fatalError(SAXParseException e) {
            errors.add(message(e));
        }
    }

    public NuChecker() {
        loader = new URLClassLoader("nu-validator", classPath(), ClassLoader.getPlatformClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> type = Class.forName("nu.validator.validation.SimpleDocumentValidator", true, loader);
            validator = type.getConstructor(boolean.class, boolean.class, boolean.class)
                    .newInstance(true, false, false);
            type.getMethod("setUpMainSchema", String.class, ErrorHandler.class)
                    .invoke(validator, HTML5_SCHEMA, collector);
            type.getMethod("setUpValidatorAndParsers", ErrorHandler.class, boolean.class, boolean.class)
                    .invoke(validator, collector, true, false);
            type.getMethod("setAllowCss", boolean.class).invoke(validator, true);
            checkHtml = type.getMethod("checkHtmlInputSource", InputSource.class);
            checkCss = type.getMethod("checkCssInputSource", InputSource.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("nu checker: cannot set up the HTML5 checker", unwrap(e));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Checks one HTML document, given as UTF-8 bytes; {@code uri} names it in messages. */
    public Report checkHtml(byte[] utf8, String uri) {
        return check(checkHtml, utf8, uri);
    }

    /** Checks one CSS style sheet, given as UTF-8 bytes. */
    Report checkCss(byte[] utf8, String uri) {
        return check(checkCss, utf8, uri);
    }

    private Report check(Method method, byte[] utf8, String uri) {
        collector.errors = new ArrayList<>();
        collector.warnings = new ArrayList<>();
        InputSource in = new InputSource(new ByteArrayInputStream(utf8));
        in.setSystemId(uri);
        in.setEncoding("UTF-8");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            method.invoke(validator, in);
        } catch (ReflectiveOperationException e) {
            Throwable cause = unwrap(e);
            if (!(cause instanceof SAXParseException)) { // a fatal parse error is already in the report
                throw new IllegalStateException("nu checker: cannot check " + uri, cause);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        return new Report(List.copyOf(collector.errors), List.copyOf(collector.warnings));
    }

    private static Throwable unwrap(ReflectiveOperationException e) {
        return e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
    }

    private static URL[] classPath() {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = entry.replace('\\', '/');
            if (!entry.isEmpty() && !name.contains("/org/eclipse/jetty/") && !name.contains("/io/javalin/")) {
                urls.add(url(Path.of(entry)));
            }
        }
        Path jetty = Path.of(System.getProperty("callisto.nu-validator-jetty", "target/nu-validator-jetty"));
        try (Stream<Path> jars = Files.list(jetty)) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> urls.add(url(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "nu checker: no Jetty 11 jars in " + jetty.toAbsolutePath()
                            + "; the Maven build copies them there (process-test-resources)",
                    e);
        }
        return urls.toArray(URL[]::new);
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
