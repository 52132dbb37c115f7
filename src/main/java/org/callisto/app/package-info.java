/**
 * The program: {@link org.callisto.app.Main} and its commands (picocli), and the composition root
 * {@link org.callisto.app.Callisto}, which builds the database, every store and every service once from one
 * {@link org.callisto.config.Config} and one {@link java.time.Clock}. Commands take what they need from it and
 * construct no service themselves; {@code serve} and {@code demo} start the web server and the scheduler through
 * it, and closing it stops them in order.
 *
 * <p>May import every other Callisto package; nothing imports this one. A new command is a class here, registered
 * in {@code Main}'s list of subcommands. Commands run on one thread; the root is thread-safe once built.
 */
package org.callisto.app;
