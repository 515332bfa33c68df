package io.brief2image.ops.health;

import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * A brief2image check that says whether the service can do its work now. It is a readiness check
 * only: a broker outage or a full disk is not cured by restarting the process, so liveness stays UP.
 */
abstract class ReadinessCheck extends AbstractHealthCheck {

    static final String GROUP = "brief2image";

    ReadinessCheck(String id) {
        super(GROUP, id);
    }

    @Override
    public boolean isLiveness() {
        return false;
    }
}
