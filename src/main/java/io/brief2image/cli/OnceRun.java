package io.brief2image.cli;

import io.brief2image.base.Queues;
import io.brief2image.app.Application;
import io.brief2image.app.SettingValues;
import io.brief2image.app.Settings;
import io.brief2image.base.Progress;
import io.brief2image.batch.BatchRunner;
import io.brief2image.store.SharedStore;
import io.brief2image.ops.QueueDepth;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * {@code --once}: start the pipeline, wait until the inbox is empty, the queue is drained and no
 * brief is in flight, print a summary and exit 0 (all done) or 3 (some dead-lettered).
 */
final class OnceRun implements Callable<Integer> {

    static final int SOME_FAILED = 3;
    private static final Pattern BRIEF_FILE = Pattern.compile("(?i)[^.~#$].*\\.(json|txt|csv)");
    private static final int QUIET_POLLS = 3;

    private final SettingValues values;
    /** With JSON logs stdout belongs to the log shipper, so progress and the summary go to stderr. */
    private final PrintStream out = "json".equalsIgnoreCase(System.getenv("BRIEF2IMAGE_LOG_FORMAT")) ? System.err : System.out;

    OnceRun(SettingValues values) {
        this.values = values;
    }

    @Override
    public Integer call() throws Exception {
        Main main = Application.create(values);
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            Progress progress = context.getRegistry().lookupByNameAndType("progress", Progress.class);
            QueueDepth depth = context.getRegistry().lookupByNameAndType("queueDepth", QueueDepth.class);
            Path inbox = context.getRegistry().lookupByNameAndType("settings", Settings.class).folders().inbox();
            ProgressLine line = new ProgressLine(out, System.console() != null);
            BatchRunner batches = context.getRegistry().lookupByNameAndType("batchRunner", BatchRunner.class);
            int quiet = 0;
            while (quiet < QUIET_POLLS) {
                TimeUnit.MILLISECONDS.sleep(250);
                boolean idle = waitingFiles(inbox) == 0 && depth.of(Queues.BRIEFS) == 0
                        && context.getInflightRepository().size() == 0;
                if (idle && batches != null) {
                    // batch briefs: their lines go to the provider now, and batches that ended are read
                    batches.sendOpenFiles();
                    idle = batches.nothingDueNow();
                }
                quiet = idle ? quiet + 1 : 0;
                line.update(progress);
            }
            line.finish(progress, context.getRegistry().lookupByNameAndType("store", SharedStore.class).batches().waitingBriefs());
            return progress.failed() > 0 ? SOME_FAILED : 0;
        } finally {
            main.stop();
        }
    }

    private static long waitingFiles(Path inbox) throws IOException {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(f -> BRIEF_FILE.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f)
                    && !Files.isSymbolicLink(f)).count();
        }
    }
}
