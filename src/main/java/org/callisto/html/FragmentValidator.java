package org.callisto.html;

/**
 * Checks an HTML fragment written by a member (a story or a comment) against a {@link FragmentPolicy} and lists
 * every problem with its line and column, in words the member understands:
 *
 * <pre>{@code
 * ValidationResult r = FragmentValidator.comment().validate("<b onmouseover=alert(1)>hi</b>");
 * r.errors().getFirst().message(); // the attribute onmouseover is not allowed on <b>
 * }</pre>
 *
 * <p>What is checked: only allowed tags; only allowed attributes, each once; URL schemes, read as a browser reads
 * them; every element closed, in order; no end tag that closes nothing; known character references ending in
 * {@code ;}; no bare {@code <} or {@code &}; no comments, CDATA or doctypes; no invisible control characters; the
 * length and nesting limits. Reading is done by {@link FragmentTokenizer} (not by an HTML5 parser, which would
 * repair mistakes silently) in time linear in the length of the fragment.
 *
 * <p>A valid fragment is still stored only after {@link HtmlSanitizer} with the matching policy (see
 * {@link FragmentRenderer}); validation exists to tell the member what to fix, sanitizing to guarantee safety.
 *
 * <p>Immutable and thread-safe; share one instance per policy.
 */
public final class FragmentValidator {
    private final FragmentPolicy policy;
    private final AttributeChecks attributes;

    public FragmentValidator(FragmentPolicy policy) {
        if (policy == null) {
            throw new IllegalArgumentException("policy must not be null");
        }
        this.policy = policy;
        this.attributes = new AttributeChecks(policy);
    }

    /** The validator for comments ({@link FragmentPolicy#comment()}). */
    public static FragmentValidator comment() {
        return new FragmentValidator(FragmentPolicy.comment());
    }

    /** The validator for stories ({@link FragmentPolicy#submission()}). */
    public static FragmentValidator submission() {
        return new FragmentValidator(FragmentPolicy.submission());
    }

    public FragmentPolicy policy() {
        return policy;
    }

    /**
     * Checks one fragment.
     *
     * @param source the fragment as the member wrote it; null is treated as empty
     * @return the problems found, none when the fragment is valid
     */
    public ValidationResult validate(String source) {
        String s = source == null ? "" : source;
        Problems problems = new Problems(s, policy.maxErrors());
        if (s.length() > policy.maxLength()) {
            problems.add(
                    0,
                    0,
                    String.format("the text is %,d characters long; the limit is %,d", s.length(), policy.maxLength()));
            return new ValidationResult(problems.errors());
        }
        TagBalance balance = new TagBalance(problems, policy.maxDepth());
        String allowedList = String.join(", ", policy.elements().keySet());
        new FragmentTokenizer(s, problems, new FragmentTokenizer.Handler() {
                    @Override
                    public void startTag(FragmentTokenizer.StartTag tag) {
                        if (!policy.allows(tag.name()) || !isName(tag.name())) {
                            problems.add(
                                    tag.start(),
                                    tag.end(),
                                    "<" + tag.name() + "> is not allowed here; allowed tags are: " + allowedList);
                        } else {
                            attributes.check(tag, problems);
                        }
                        balance.start(tag);
                    }

                    @Override
                    public void endTag(FragmentTokenizer.EndTag tag) {
                        balance.end(tag);
                    }
                })
                .run();
        if (!problems.full()) {
            balance.finish();
        }
        return new ValidationResult(problems.errors());
    }

    private static boolean isName(String name) {
        if (name.isEmpty() || !CharClasses.isNameStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!CharClasses.isNameChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
