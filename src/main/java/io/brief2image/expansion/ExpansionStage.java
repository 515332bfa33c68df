package io.brief2image.expansion;

import io.brief2image.base.Expansion;

import io.brief2image.brief.Brief;
import io.brief2image.guidelines.rules.Guidelines;
import io.brief2image.base.PolicyAction;
import io.brief2image.guidelines.rules.Screened;
import io.brief2image.guidelines.Screening;
import io.brief2image.base.Sidecar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Turns a screened brief into one image task per image: GPT captions when a chat model is
 * configured (rules when it fails), rules when not, the prompt as is for verbatim briefs. The
 * guidelines are enforced again on every final caption, because a chat model may not obey them, and
 * then, with a chat model, the GPT guard checks them for names the data does not know.
 */
public final class ExpansionStage {

    private final Guidelines guidelines;
    private final ExpansionRules rules;
    private final Optional<CaptionWriter> gpt;
    private final Function<Sidecar, Path> imageFileOf;

    private final Optional<CaptionGuard> guard;
    private final Representation representation;

    public ExpansionStage(Guidelines guidelines, ExpansionRules rules, Optional<CaptionWriter> gpt, Function<Sidecar, Path> imageFileOf) {
        this(guidelines, rules, gpt, imageFileOf, Optional.empty(), Representation.OFF);
    }

    /**
     * @param guard          checks the final captions after the data rules (the GPT guard), when there is one
     * @param representation whether the chat model was given the seed's representation rule, to record it
     */
    public ExpansionStage(Guidelines guidelines, ExpansionRules rules, Optional<CaptionWriter> gpt, Function<Sidecar, Path> imageFileOf,
                          Optional<CaptionGuard> guard, Representation representation) {
        this.guidelines = guidelines;
        this.rules = rules;
        this.gpt = gpt;
        this.imageFileOf = imageFileOf;
        this.guard = guard;
        this.representation = representation;
    }

    public RenderPlan expand(Screening screening) {
        long started = System.nanoTime();
        Brief brief = screening.brief();
        List<PolicyAction> policy = new ArrayList<>(screening.actions());
        Captions captions;
        List<String> prompts;
        String guardNote = null;
        double chatUsd;
        // the guard's chat call is on the brief's tab too: it lands in cost_usd and the budget like expansion's
        try (ChatSpend.Tab tab = ChatSpend.open(brief.id())) {
            captions = screening.parent() != null ? fromParent(screening) : brief.expand() ? expanded(screening) : verbatim(screening);
            prompts = enforced(captions, policy);
            // a reproduce renders the earlier image's prompt exactly; everything else is checked once more
            if (guard.isPresent() && !brief.isReproduce()) {
                CaptionGuard.Guarded guarded = guard.get().check(prompts);
                prompts = guarded.captions();
                policy.addAll(guarded.actions());
                guardNote = guarded.note();
            }
            chatUsd = tab.usd();
        }
        if (representation == Representation.SEED && screening.parent() == null && "gpt".equals(captions.expansion().mode())) {
            policy.add(representation.applied());
        }
        List<ImageTask> tasks = new ArrayList<>();
        int count = prompts.size();
        long firstSeed = brief.seed() != null ? brief.seed() : screening.parent() != null ? screening.parent().seed()
                : ThreadLocalRandom.current().nextLong(0, 1L << 31);
        for (int k = 1; k <= count; k++) {
            String imagePrompt = prompts.get(k - 1);
            long seed = brief.seeds() != null && k <= brief.seeds().size() ? brief.seeds().get(k - 1) : firstSeed + k - 1;
            // verbatim prompts are revised only when a guideline rewrote them
            String revisedBy = captions.revisedBy() != null ? captions.revisedBy().get(k - 1)
                    : imagePrompt.equals(brief.prompt()) ? "none" : "rules";
            Sidecar parent = screening.parent();
            tasks.add(new ImageTask(k, count, brief.id() + "-" + k, imagePrompt, imagePrompt, revisedBy, seed,
                    brief.model().resolveSize(screening.size()),
                    parent != null && brief.quality() == null ? parent.quality() : brief.quality(),
                    brief.style(), brief.outputFormat(), brief.background(),
                    parent == null ? null : parent.imageId(),
                    brief.isTune() && brief.model().edits() ? imageFileOf.apply(parent) : null));
        }
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("guidelines", screening.millis());
        timings.put("expansion", (System.nanoTime() - started) / 1_000_000);
        return new RenderPlan(brief, List.copyOf(tasks), List.copyOf(new LinkedHashSet<>(policy)),
                withNote(captions.expansion(), guardNote).withCost(chatUsd), timings, chatUsd);
    }

    /** The guidelines on every caption, the image type first where one is asked for. */
    private List<String> enforced(Captions captions, List<PolicyAction> policy) {
        List<String> prompts = new ArrayList<>();
        for (int k = 1; k <= captions.texts().size(); k++) {
            Screened enforced = guidelines.enforce(captions.texts().get(k - 1));
            policy.addAll(enforced.actions());
            String imagePrompt = enforced.text();
            if (captions.types() != null) {
                imagePrompt = guidelines.ensureImageTypeFirst(imagePrompt, captions.types().get(k - 1), policy);
            }
            prompts.add(imagePrompt);
        }
        return prompts;
    }

    private static Expansion withNote(Expansion expansion, String note) {
        if (note == null) {
            return expansion;
        }
        String joined = expansion.note() == null ? note : expansion.note() + "; " + note;
        return new Expansion(expansion.mode(), expansion.model(), joined, expansion.costUsd());
    }

    /**
     * Captions, the image type each must start with (null: leave as is), who revised each (null:
     * decided per image), and how.
     */
    private record Captions(List<String> texts, List<String> types, List<String> revisedBy, Expansion expansion) {
        Captions(List<String> texts, List<String> types, String revisedBy, Expansion expansion) {
            this(texts, types, revisedBy == null ? null : Collections.nCopies(texts.size(), revisedBy), expansion);
        }
    }

    private Captions verbatim(Screening s) {
        List<String> texts = Collections.nCopies(s.n(), s.prompt());
        return new Captions(texts, null, (String) null, new Expansion("verbatim", null, null));
    }

    private Captions fromParent(Screening s) {
        Sidecar parent = s.parent();
        if (s.brief().isReproduce()) {
            return new Captions(List.of(parent.imagePrompt()), null, "none", new Expansion("verbatim", null, "reproduce " + parent.imageId()));
        }
        String change = s.prompt();
        if (gpt.isPresent()) {
            try {
                String tuned = gpt.get().applyChange(parent.imagePrompt(), change, s.brief().model().maxPromptChars());
                return new Captions(List.of(tuned), null, "gpt",
                        new Expansion("gpt", gpt.get().model(), "tune " + parent.imageId() + ": applied only the change"));
            } catch (CaptionWriter.ExpansionException e) {
                return new Captions(List.of(rules.applyChange(parent.imagePrompt(), change)), null, "rules",
                        new Expansion("rules", null, "tune " + parent.imageId() + "; GPT failed: " + e.getMessage()));
            }
        }
        return new Captions(List.of(rules.applyChange(parent.imagePrompt(), change)), null, "rules",
                new Expansion("rules", null, "tune " + parent.imageId() + ": applied only the change"));
    }

    private Captions expanded(Screening s) {
        List<String> types = guidelines.defaultTypesFor(s.n(), s.brief().imageType(), s.prompt());
        String note = null;
        if (gpt.isPresent()) {
            try {
                return withGptCaptions(s, types, gpt.get().captions(s.prompt(), types, s.brief().model().maxPromptChars()));
            } catch (CaptionWriter.ExpansionException e) {
                note = "GPT expansion failed, used rules: " + e.getMessage();
            }
        }
        List<String> texts = types.stream().map(type -> rulesCaption(type, s.prompt())).toList();
        return new Captions(texts, types, "rules", new Expansion("rules", null, note));
    }

    /** The chat model's captions, and rules captions for the images it wrote none for. */
    private Captions withGptCaptions(Screening s, List<String> types, CaptionWriter.WrittenCaptions written) {
        List<String> texts = new ArrayList<>(written.texts());
        List<String> revisedBy = new ArrayList<>(Collections.nCopies(texts.size(), "gpt"));
        List<String> notes = new ArrayList<>();
        if (written.note() != null) {
            notes.add(written.note());
        }
        int fromChat = texts.size();
        if (fromChat < types.size()) {
            for (int k = fromChat; k < types.size(); k++) {
                texts.add(rulesCaption(types.get(k), s.prompt()));
                revisedBy.add("rules");
            }
            String images = fromChat + 1 == types.size() ? "image " + types.size() : "images " + (fromChat + 1) + "-" + types.size();
            notes.add("the chat model wrote " + GptCaptionWriter.count(fromChat, "caption") + " for "
                    + GptCaptionWriter.count(types.size(), "image") + "; " + images + " from the rules");
        }
        return new Captions(texts, types, revisedBy,
                new Expansion("gpt", gpt.orElseThrow().model(), notes.isEmpty() ? null : String.join("; ", notes)));
    }

    /** "Watercolor painting of three lemons", never "Watercolor painting of watercolor painting of three lemons". */
    private String rulesCaption(String type, String prompt) {
        return rules.caption(type, guidelines.captionSubject(prompt, type));
    }
}
