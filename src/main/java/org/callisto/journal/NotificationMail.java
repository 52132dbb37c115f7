package org.callisto.journal;

/**
 * Where a notification goes besides the member's {@code /notifications} page: the mailer plugs in here and decides,
 * by the member's own setting, whether to send it. Implementations must be thread-safe and must not throw for a
 * member who does not want mail; a failure to send must not undo what caused the notification.
 */
@FunctionalInterface
public interface NotificationMail {
    /** Sends nothing: the site's notifications only. */
    NotificationMail NONE = notification -> {};

    /** Offers a stored notification for mail. */
    void send(Notification notification);
}
