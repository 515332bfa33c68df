package io.brief2image.brief;

import io.brief2image.base.PolicyAction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A brief's size, quality and style after {@link CarryOver}: each value the target model's row does
 * not take is carried over where the table says how, and each carry-over is a policy entry. Values
 * the row takes are left alone, so a DALL·E-style server row keeps its sizes, qualities and styles.
 */
record CarriedFields(String size, String quality, String style, String promptWords, List<PolicyAction> policy) {

    static final String RULE = "carry-over";

    static CarriedFields of(CarryOver rules, ModelSpec target, String size, String quality, String style, Predicate<String> briefHas) {
        List<PolicyAction> policy = new ArrayList<>();
        String shape = size == null || target.listsSize(size) ? null : rules.sizes().get(size);
        if (shape != null && target.sizes().containsKey(shape)) {
            String mapped = target.resolveSize(shape);
            policy.add(new PolicyAction(RULE, "mapped", "size " + size + " → " + mapped + " (" + target.id() + "'s " + shape + " size)"));
            size = mapped;
        }
        String quality2 = quality == null || target.qualities().contains(quality) ? null : rules.qualities().get(quality);
        if (quality2 != null && target.qualities().contains(quality2)) {
            policy.add(new PolicyAction(RULE, "mapped", "quality " + quality + " → " + quality2 + " (" + target.id() + " has no " + quality + ")"));
            quality = quality2;
        }
        String words = style == null || target.styles().contains(style) ? null : rules.styles().get(style);
        if (words != null) {
            policy.add(new PolicyAction(RULE, "worded", "style " + style + " → added to the prompt: '" + words + "' ("
                    + target.id() + " takes no " + (target.styles().isEmpty() ? "style" : "style " + style) + ")"));
            style = null;
        }
        for (String field : rules.dropped()) {
            if (briefHas.test(field)) {
                policy.add(new PolicyAction(RULE, "dropped", field + " (brief2image sets it itself where the model takes it)"));
            }
        }
        return new CarriedFields(size, quality, style, words, List.copyOf(policy));
    }
}
