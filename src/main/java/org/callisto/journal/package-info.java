/**
 * The community journal: stories that members submit, the editor queue that accepts or rejects them, and the
 * published stories. {@link org.callisto.journal.Submissions} holds the rules, {@link org.callisto.journal.JournalStore}
 * the SQL. Every piece of HTML a story carries went through {@link org.callisto.html.FragmentRenderer} (or the plain
 * text and Markdown converters under the same policy) before it was stored.
 */
package org.callisto.journal;
