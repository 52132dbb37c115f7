package org.callisto.web.view;

/**
 * A public listener message ({@code /feedback/{id}}): one imported from a show's archive, which published it, and
 * answered in an episode. Immutable.
 *
 * @param meta        layout facts
 * @param from        the sender's name, or "A listener"
 * @param subject     the subject
 * @param messageHtml the message as plain text turned into escaped paragraphs
 * @param episode     the number of the episode that answered it, or null
 * @param episodeUrl  that episode's page, or null
 */
public record FeedbackItemPage(
        PageMeta meta, String from, String subject, String messageHtml, Integer episode, String episodeUrl) {}
