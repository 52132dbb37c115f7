/**
 * The demo's content: sample blogs served over loopback and fetched through the real pipeline, a two-episode show
 * with generated silent media, a journal with stories, comments and a queue, and listener feedback. Each piece is
 * made through the same services a site uses, handed in by {@code callisto demo}.
 *
 * <p>May import the domain packages and {@code config}; not {@code app} (which imports this package) nor
 * {@code web}. Used from one thread while the demo starts.
 */
package org.callisto.app.demo;
