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
 * guidelines are enforced again on every final caption, because a chat model may not obey them.
 */
public final class ExpansionStage {

    private final Guidelines guidelines;
    private final ExpansionRules rules;
    private final Optional<CaptionWriter> gpt;
    private final Function<Sidecar, Path> imageFileOf;

    public ExpansionStage(Guidelines guidelines, ExpansionRules rules, Optional<CaptionWriter> gpt, Function<Sidecar, Path> imageFileOf) {
        this.guidelines = guidelines;
        this.rules = rules;
        this.gpt = gpt;
        this.imageFileOf = imageFileOf;
    }

    public RenderPlan expand(Screening screening) {
        long started = System.nanoTime();
        Brief brief = screening.brief();
        List<PolicyAction> policy = new ArrayList<>(screening.actions());
        Captions captions;
        double chatUsd;
        try (ChatSpend.Tab tab = ChatSpend.open(brief.id())) {
            captions = screening.parent() != null ? fromParent(screening) : brief.expand() ? expanded(screening) : verbatim(screening);
            chatUsd = tab.usd();
        }
        List<ImageTask> tasks = new ArrayList<>();
        int count = captions.texts().size();
        long firstSeed = brief.seed() != null ? brief.seed() : screening.parent() != null ? screening.parent().seed()
                : ThreadLocalRandom.current().nextLong(0, 1L << 31);
        for (int k = 1; k <= count; k++) {
            Screened enforced = guidelines.enforce(captions.texts().get(k - 1));
            policy.addAll(enforced.actions());
            String imagePrompt = enforced.text();
            if (captions.types() != null) {
                imagePrompt = guidelines.ensureImageTypeFirst(imagePrompt, captions.types().get(k - 1), policy);
            }
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
        return new RenderPlan(brief, List.copyOf(tasks), List.copyOf(new LinkedHashSet<>(policy)), captions.expansion().withCost(chatUsd),
                timings, chatUsd);
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
