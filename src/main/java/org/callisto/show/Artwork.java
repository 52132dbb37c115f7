package org.callisto.show;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks artwork before it is used: a PNG or JPEG file whose bytes say so, and for podcast artwork Apple's rule, a
 * square of 1400 to 3000 pixels a side. Only the image's header is read (the JDK's {@link ImageIO} readers), so a
 * huge or hostile file costs no decoding. Stateless and thread-safe.
 */
public final class Artwork {
    /** Apple's smallest podcast artwork, pixels a side. */
    public static final int MIN_SIDE = 1400;
    /** Apple's largest podcast artwork, pixels a side. */
    public static final int MAX_SIDE = 3000;

    private Artwork() {}

    /** An image's format and size. */
    public record Image(String mimeType, int width, int height) {}

    /**
     * The format and size of {@code file}.
     *
     * @param what names the file in messages
     * @throws RenditionException when it is neither PNG nor JPEG, or its header cannot be read
     */
    public static Image read(Path file, String what) throws RenditionException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new RenditionException(what + ": cannot read the file; upload it again");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                String mime = format.equals("png") ? "image/png" : format.startsWith("jp") ? "image/jpeg" : null;
                if (mime == null) {
                    continue;
                }
                try {
                    reader.setInput(in, true, true);
                    return new Image(mime, reader.getWidth(0), reader.getHeight(0));
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException e) {
            throw new RenditionException(
                    what + ": the image cannot be read (" + e.getMessage() + "); save it again as PNG or JPEG");
        }
        throw new RenditionException(what + ": the file is neither a PNG nor a JPEG image; save it as one of them");
    }

    /**
     * Checks podcast artwork: PNG or JPEG, square, {@value #MIN_SIDE} to {@value #MAX_SIDE} pixels a side.
     *
     * @throws RenditionException saying which rule the image breaks and what to do
     */
    public static Image checkPodcastArtwork(Path file, String what) throws RenditionException {
        Image image = read(file, what);
        if (image.width() != image.height()) {
            throw new RenditionException(what + ": the image is " + image.width() + "×" + image.height()
                    + " pixels, not square; podcast apps want a square of " + MIN_SIDE + " to " + MAX_SIDE
                    + " pixels a side");
        }
        if (image.width() < MIN_SIDE || image.width() > MAX_SIDE) {
            throw new RenditionException(what + ": the image is " + image.width() + "×" + image.height()
                    + " pixels; Apple Podcasts wants " + MIN_SIDE + " to " + MAX_SIDE + " pixels a side");
        }
        return image;
    }
}
