package org.callisto.planet.fetch;

import java.io.IOException;

/** Raised by {@link BodyReader} when a body cannot be decoded: unknown Content-Encoding or corrupt compression. */
final class BodyDecodingException extends IOException {

    BodyDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
