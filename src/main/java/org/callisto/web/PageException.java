package org.callisto.web;

/**
 * A request the planet cannot answer with a page: the status (400, 404) and, in words, what was wrong or missing.
 * Handlers throw it; the server turns it into an error page.
 */
final class PageException extends RuntimeException {
    private final int status;

    PageException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static PageException notFound(String message) {
        return new PageException(404, message);
    }

    static PageException forbidden(String message) {
        return new PageException(403, message);
    }

    static PageException badRequest(String message) {
        return new PageException(400, message);
    }

    int status() {
        return status;
    }
}
