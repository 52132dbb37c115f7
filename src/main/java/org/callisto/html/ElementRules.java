package org.callisto.html;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the sanitizer does with each element name under one {@link SanitizePolicy}, worked out once per policy so
 * that the walk makes one map lookup per element instead of consulting the policy rule by rule. Names the policy
 * does not mention (custom elements, say) are worked out on each use. Immutable and thread-safe.
 */
final class ElementRules {
    /** What happens to an element. */
    enum Action {
        /** Rebuilt as a sandboxed player when its {@code src} is an allowed embed, else removed. */
        IFRAME,
        /** Removed with everything inside it. */
        DROP,
        /** The tag goes, the children stay. */
        UNWRAP,
        /** Kept, under {@link Rule#name()}, with the allowed attributes. */
        COPY
    }

    /**
     * The rule for one element name.
     *
     * @param action           what happens to the element
     * @param name             the name it is written under ({@link Action#COPY} only)
     * @param attributes       the attributes it may keep, its own and the global ones ({@link Action#COPY} only)
     * @param isVoid           whether it is written without end tag ({@link Action#COPY} only)
     * @param unsettling       whether the action may leave output that parses differently (unwrapping a
     *                         parser-sensitive element, renaming outside the block group)
     * @param unsettlingIfDropped whether removing the element with its content may do so
     */
    record Rule(
            Action action,
            String name,
            Set<String> attributes,
            boolean isVoid,
            boolean unsettling,
            boolean unsettlingIfDropped) {}

    private final SanitizePolicy policy;
    private final Map<String, Rule> known = new HashMap<>();

    ElementRules(SanitizePolicy policy) {
        this.policy = policy;
        Set<String> names = new HashSet<>(policy.elements().keySet());
        names.addAll(policy.droppedWithContent());
        names.addAll(policy.renamed().keySet());
        names.addAll(TreeBuilderRules.PARSER_SENSITIVE);
        names.add("iframe");
        for (String name : names) {
            known.put(name, compute(name));
        }
    }

    /** The rule for {@code name}, a lower-case element name in the HTML namespace. */
    Rule rule(String name) {
        Rule r = known.get(name);
        return r != null ? r : compute(name);
    }

    private Rule compute(String name) {
        boolean unsettlingIfDropped =
                !TreeBuilderRules.INERT_WHEN_DROPPED.contains(name) && TreeBuilderRules.PARSER_SENSITIVE.contains(name);
        if (name.equals("iframe")) {
            return new Rule(Action.IFRAME, null, Set.of(), false, unsettlingIfDropped, unsettlingIfDropped);
        }
        if (policy.droppedWithContent().contains(name)) {
            return new Rule(Action.DROP, null, Set.of(), false, unsettlingIfDropped, unsettlingIfDropped);
        }
        String renamed = policy.renamed().get(name);
        boolean renameUnsettling = renamed != null
                && !(TreeBuilderRules.BLOCK_GROUP.contains(name) && TreeBuilderRules.BLOCK_GROUP.contains(renamed));
        String out = renamed != null ? renamed : name;
        if (!policy.allows(out)) {
            return new Rule(
                    Action.UNWRAP,
                    null,
                    Set.of(),
                    false,
                    renameUnsettling || TreeBuilderRules.PARSER_SENSITIVE.contains(name),
                    unsettlingIfDropped);
        }
        Set<String> attributes = new HashSet<>(policy.elements().get(out));
        attributes.addAll(policy.globalAttributes());
        return new Rule(
                Action.COPY,
                out,
                Set.copyOf(attributes),
                HtmlMarkup.isVoid(out),
                renameUnsettling,
                unsettlingIfDropped);
    }
}
