/**
 * Sending mail: the {@link org.callisto.mail.Mailer} the rest of the program sends through, its SMTP
 * implementation on Jakarta Mail (Eclipse Angus) with a bounded queue and one sending thread, and the stand-in used
 * when no SMTP server is configured. Knows nothing of accounts or pages; the texts and links of a mail are made by
 * whoever sends it.
 *
 * <p>May import only {@code config}. Thread-safe: every public class says how.
 */
package org.callisto.mail;
