package io.brief2image.bench;

import io.brief2image.guidelines.policy.GuidelinePolicy;
import io.brief2image.guidelines.policy.WorldData;
import io.brief2image.guidelines.rules.Guidelines;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Scenario 6, in this JVM: the cost of the world data (read and index, CPU time of the thread doing it)
 * and of screening one brief with it (all text rules, warmed up), in wall and CPU time. CPU time is
 * the figure to compare on a shared machine: wall time includes waiting for a core.
 */
final class ScreeningBench {
    /** Briefs written the way marketing teams write them: names of each kind, traps, other scripts. */
    static final List<String> BRIEFS = List.of(
            "A cozy coffee shop poster in the style of Alphonse Mucha with Taylor Swift holding a latte, no people in the background",
            "오바마가 해변에서 걷는 모습, 지브리 스타일",
            "a swift bird over a tramp steamer, a marvel of engineering, king-size bed, queen bee",
            "Elsa from Frozen and Mickey Mouse at a picnic, bright summer light, photo",
            "a starry night in the style of Van Gogh over an Art Nouveau train station",
            "大谷翔平がホームランを打つ瞬間、ピカソ風",
            "портрет Путина в Кремле в стиле Энди Уорхол",
            "Product shot of a stainless steel water bottle on a wet rock, morning mist, shallow depth of field, "
                    + "brand colours teal and orange, room for a headline at the top, photorealistic, 35 mm lens",
            "a fresco of the Madonna and Child in a Tuscan chapel, draw 4 images",
            "un retrato de Angela Merkel al estilo de Frida Kahlo, sin texto");

    record Result(double loadCpuMs, double loadWallMs, double briefCpuMs, double briefWallMs, int entries) {
    }

    private ScreeningBench() {
    }

    static Result once() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long wall0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        WorldData world = WorldData.load("classpath:world/");
        Guidelines guidelines = new Guidelines(GuidelinePolicy.loadFrom(GuidelinePolicy.BUNDLED),
                CompletableFuture.completedFuture(world), Clock.systemUTC());
        int entries = guidelines.world().size();
        double loadCpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
        double loadWall = (System.nanoTime() - wall0) / 1e6;
        for (int i = 0; i < 20_000; i++) {
            guidelines.screenBrief(BRIEFS.get(i % BRIEFS.size()), 2, false);
        }
        int n = 0;
        long wall1 = System.nanoTime();
        long cpu1 = threads.getCurrentThreadCpuTime();
        while (System.nanoTime() - wall1 < 3_000_000_000L) {
            guidelines.screenBrief(BRIEFS.get(n % BRIEFS.size()), 2, false);
            n++;
        }
        double briefCpu = (threads.getCurrentThreadCpuTime() - cpu1) / 1e6 / n;
        double briefWall = (System.nanoTime() - wall1) / 1e6 / n;
        return new Result(loadCpu, loadWall, briefCpu, briefWall, entries);
    }
}
