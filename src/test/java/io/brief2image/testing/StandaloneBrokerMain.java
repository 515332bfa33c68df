package io.brief2image.testing;

import java.io.File;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;

/**
 * The JVM {@link StandaloneBroker} launches: a persistent ActiveMQ broker (KahaDB in the given
 * folder) on 127.0.0.1 and the given port, as an operator's standalone broker is, until killed.
 * Arguments: port, data folder.
 */
public final class StandaloneBrokerMain {

    private StandaloneBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        File data = new File(args[1]);
        BrokerService broker = new BrokerService();
        broker.setBrokerName("standalone");
        broker.setUseJmx(false);
        broker.setPersistent(true);
        broker.setDataDirectoryFile(data);
        KahaDBPersistenceAdapter kahaDb = new KahaDBPersistenceAdapter();
        kahaDb.setDirectory(new File(data, "kahadb"));
        broker.setPersistenceAdapter(kahaDb);
        broker.getSystemUsage().getStoreUsage().setLimit(1024L * 1024 * 1024);
        broker.getSystemUsage().getTempUsage().setLimit(512L * 1024 * 1024);
        broker.addConnector("tcp://127.0.0.1:" + port);
        broker.start();
        broker.waitUntilStarted();
        System.out.println("standalone broker started on port " + port);
        broker.waitUntilStopped();
    }
}
