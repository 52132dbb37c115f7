package org.callisto.html;

/**
 * Turns a member's HTML fragment into the HTML the journal stores: the fragment is validated with a
 * {@link FragmentValidator} and, only when valid, passed through {@link HtmlSanitizer} with the matching
 * {@linkplain FragmentPolicy#sanitizePolicy() sanitizer policy}. The sanitizer is the guarantee (it would make even
 * a fragment that fooled the validator safe); validation is what lets the member fix mistakes instead of seeing
 * them silently repaired. Links get {@code rel="nofollow ugc noopener"}; relative URLs are made absolute against
 * the site's URL.
 *
 * <pre>{@code
 * FragmentRenderer comments = FragmentRenderer.comment("https://journal.example/");
 * RenderedFragment r = comments.render(form.body());
 * if (r.valid()) store(r.html()); else showAgain(ValidationReport.toHtml(form.body(), r.errors()));
 * }</pre>
 *
 * <p>Immutable and thread-safe; share one instance per policy.
 */
public final class FragmentRenderer {
    private final FragmentValidator validator;
    private final HtmlSanitizer sanitizer;
    private final String siteUrl;

    /**
     * @param policy  what members may write
     * @param siteUrl the journal's URL, against which relative links are resolved; when null, relative links are
     *                dropped on storing
     */
    public FragmentRenderer(FragmentPolicy policy, String siteUrl) {
        this.validator = new FragmentValidator(policy);
        this.sanitizer = new HtmlSanitizer(policy.sanitizePolicy());
        this.siteUrl = siteUrl;
    }

    /** The renderer for comments. */
    public static FragmentRenderer comment(String siteUrl) {
        return new FragmentRenderer(FragmentPolicy.comment(), siteUrl);
    }

    /** The renderer for stories. */
    public static FragmentRenderer submission(String siteUrl) {
        return new FragmentRenderer(FragmentPolicy.submission(), siteUrl);
    }

    public FragmentValidator validator() {
        return validator;
    }

    public HtmlSanitizer sanitizer() {
        return sanitizer;
    }

    /** Validates {@code source} and, when valid, sanitizes it for storing. */
    public RenderedFragment render(String source) {
        ValidationResult result = validator.validate(source);
        if (!result.valid()) {
            return new RenderedFragment(result.errors(), null);
        }
        return new RenderedFragment(result.errors(), sanitizer.sanitize(source, siteUrl));
    }

    /**
     * What the editor's preview shows: the stored form of a valid fragment, or the source listed with its
     * problems marked ({@link ValidationReport}); invalid content itself is never rendered.
     */
    public String preview(String source) {
        RenderedFragment r = render(source);
        return r.valid() ? r.html() : ValidationReport.toHtml(source == null ? "" : source, r.errors());
    }
}
