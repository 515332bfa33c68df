package io.brief2image.cli;

import io.brief2image.app.SettingValues;
import io.brief2image.app.SettingsTable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: service mode by default, --once to drain the inbox, and the lint/submit/replay tools. */
@Command(name = "brief2image", mixinStandardHelpOptions = true, version = "brief2image 0.1",
        description = "Turns prompt briefs into images with JSON sidecars.%n"
                + "Without a command it runs as a service: watches the inbox and consumes queue 'briefs' until stopped.",
        subcommands = {LintCommand.class, SubmitCommand.class, ReplayCommand.class, BatchCommand.class},
        footer = {"", "Settings (environment variable, or --set key=value with the brief2image. key):", "%n%s"})
public final class Brief2Image implements Callable<Integer> {

    @Option(names = "--once", description = "Drain the inbox, wait for every brief to finish, then exit: 0 all done, 3 some dead-lettered.")
    boolean once;

    @CommandLine.Mixin
    SettingOptions settings = new SettingOptions();

    @Option(names = "--inbox", description = "Inbox folder (BRIEF2IMAGE_INBOX).")
    String inbox;

    @Option(names = "--outbox", description = "Outbox folder (BRIEF2IMAGE_OUTBOX).")
    String outbox;

    static final String VIRTUAL_THREADS = "camel.threads.virtual.enabled";

    public static void main(String[] args) {
        preferVirtualThreads(Runtime.version().feature());
        StartClasses.beginFor(args);
        Thread logging = startLoggingBeside();
        System.exit(run(logging, args));
    }

    /**
     * SLF4J's start (finding its provider on the class path, io.brief2image.logging reading its
     * levels) runs on a thread of its own while the main thread builds the command line and the
     * settings table, which log nothing.
     */
    static Thread startLoggingBeside() {
        Thread logging = new Thread(() -> org.slf4j.LoggerFactory.getLogger(Brief2Image.class), "brief2image-start-logging");
        logging.setDaemon(true);
        logging.start();
        return logging;
    }

    private static int run(Thread logging, String... args) {
        java.util.Optional<ServiceArgs> service = ServiceArgs.read(args);
        CommandLine cli = service.isPresent() ? null : commandLine();
        // a logger made while SLF4J is still starting would be a stand-in that queues its events: wait for it
        try {
            logging.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (service.isEmpty()) {
            return cli.execute(args);
        }
        try {
            return serviceCall(service.get());
        } catch (Exception e) {
            // as picocli's execute reports an exception the command throws: its stack trace, exit 1
            e.printStackTrace();
            return 1;
        }
    }

    /** What {@link #call()} does, for arguments read without picocli. */
    static int serviceCall(ServiceArgs args) throws Exception {
        SettingValues values = values(args.pairs(), List.of(), args.inbox(), args.outbox());
        return args.once() ? new OnceRun(values).call() : new ServiceRun(values).call();
    }

    /**
     * From JDK 24 a virtual thread blocked in a synchronized block no longer holds its carrier
     * (JEP 491); ActiveMQ's client blocks that way throughout, so only there do Camel's thread pools
     * run on virtual threads, unless the operator set {@code camel.threads.virtual.enabled} either
     * way. On JDK 17 to 23 nothing changes. Must run before any Camel class is loaded.
     */
    static void preferVirtualThreads(int javaFeatureVersion) {
        if (javaFeatureVersion >= 24 && System.getProperty(VIRTUAL_THREADS) == null) {
            System.setProperty(VIRTUAL_THREADS, "true");
        }
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    private static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Brief2Image());
        cli.getCommandSpec().usageMessage().footer("", "Settings (environment variable, or --set key=value; the variable wins):",
                SettingsTable.packaged().help());
        return cli;
    }

    @Override
    public Integer call() throws Exception {
        SettingValues values = values(List.of());
        return once ? new OnceRun(values).call() : new ServiceRun(values).call();
    }

    /**
     * The settings every command resolves the same way: this command line's --set, --inbox and
     * --outbox, then {@code more} (a subcommand's own --set), over -D, the environment and the defaults.
     */
    SettingValues values(List<String> more) {
        return values(settings.pairs, more, inbox, outbox);
    }

    static SettingValues values(List<String> pairs, List<String> more, String inbox, String outbox) {
        Map<String, String> set = SettingOptions.keys(pairs);
        set.putAll(SettingOptions.keys(more));
        if (inbox != null) {
            set.put("brief2image.inbox", inbox);
        }
        if (outbox != null) {
            set.put("brief2image.outbox", outbox);
        }
        return SettingValues.ofProcess(set);
    }
}
