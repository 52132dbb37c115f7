package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RangeRequestTest {

    @Test
    void readsTheThreeFormsOfRangeAgainstTheLength() {
        assertThat(RangeRequest.parse("bytes=0-499", 1000).ranges()).containsExactly(new ByteRange(0, 499));
        assertThat(RangeRequest.parse("bytes=-200", 1000).ranges()).containsExactly(new ByteRange(800, 999));
        assertThat(RangeRequest.parse("bytes=900-", 1000).ranges()).containsExactly(new ByteRange(900, 999));
        assertThat(RangeRequest.parse("bytes=900-5000", 1000).ranges()).containsExactly(new ByteRange(900, 999));
        assertThat(RangeRequest.parse(" bytes = 1-2 , 4-5 ", 1000).ranges())
                .containsExactly(new ByteRange(1, 2), new ByteRange(4, 5));
    }

    @Test
    void ignoresMalformedHeadersAndTooManyRanges() {
        for (String header : List.of(
                "bytes=abc", "bytes=5-1", "items=0-1", "bytes", "bytes=1-2,x", "bytes=" + "0-0,".repeat(16) + "0-0")) {
            assertThat(RangeRequest.parse(header, 1000).kind()).as(header).isEqualTo(RangeRequest.Kind.WHOLE);
        }
        assertThat(RangeRequest.parse(null, 1000).kind()).isEqualTo(RangeRequest.Kind.WHOLE);
    }

    @Test
    void nothingSatisfiableIs416AndAnEmptyFileSatisfiesNoRange() {
        assertThat(RangeRequest.parse("bytes=1000-", 1000).kind()).isEqualTo(RangeRequest.Kind.UNSATISFIABLE);
        assertThat(RangeRequest.parse("bytes=-0", 1000).kind()).isEqualTo(RangeRequest.Kind.UNSATISFIABLE);
        assertThat(RangeRequest.parse("bytes=0-", 0).kind()).isEqualTo(RangeRequest.Kind.UNSATISFIABLE);
        assertThat(RangeRequest.parse("bytes=-5", 0).kind()).isEqualTo(RangeRequest.Kind.UNSATISFIABLE);
    }

    @Test
    void mergesOverlapsButKeepsTheOrderOfDisjointRanges() {
        assertThat(RangeRequest.parse("bytes=500-599,0-9", 1000).ranges())
                .containsExactly(new ByteRange(500, 599), new ByteRange(0, 9));
        assertThat(RangeRequest.parse("bytes=0-10,5-20,21-30,100-", 1000).ranges())
                .containsExactly(new ByteRange(0, 30), new ByteRange(100, 999));
        assertThat(RangeRequest.parse("bytes=0-,0-,0-", 1000).ranges()).containsExactly(new ByteRange(0, 999));
    }
}
