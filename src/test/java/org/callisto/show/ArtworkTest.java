package org.callisto.show;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtworkTest {
    @TempDir
    Path dir;

    @Test
    void squareArtworkFrom1400To3000PixelsIsAccepted() throws Exception {
        assertThat(Artwork.checkPodcastArtwork(image("a.png", "png", 1400, 1400), "art"))
                .isEqualTo(new Artwork.Image("image/png", 1400, 1400));
        assertThat(Artwork.checkPodcastArtwork(image("b.jpg", "jpg", 3000, 3000), "art")
                        .mimeType())
                .isEqualTo("image/jpeg");
    }

    @Test
    void appleRuleIsCheckedInWords() throws Exception {
        assertThatThrownBy(() -> Artwork.checkPodcastArtwork(image("s.png", "png", 1399, 1399), "episode 3 artwork"))
                .hasMessage("episode 3 artwork: the image is 1399×1399 pixels; Apple Podcasts wants 1400 to 3000"
                        + " pixels a side");
        assertThatThrownBy(() -> Artwork.checkPodcastArtwork(image("w.png", "png", 1600, 1400), "art"))
                .hasMessageContaining("not square");
        assertThatThrownBy(() -> Artwork.checkPodcastArtwork(image("l.png", "png", 3001, 3001), "art"))
                .hasMessageContaining("3001×3001");
        Path text = Files.writeString(dir.resolve("t.png"), "not an image");
        assertThatThrownBy(() -> Artwork.read(text, "art"))
                .hasMessage("art: the file is neither a PNG nor a JPEG image; save it as one of them");
    }

    private Path image(String name, String format, int w, int h) throws IOException {
        Path file = dir.resolve(name);
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), format, file.toFile());
        return file;
    }
}
