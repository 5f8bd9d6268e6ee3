package io.carbonedge.agent.receiver;

import java.util.List;

/**
 * What one POST carried, once read: its readings, or its totals stream records (point totals,
 * site figures, counter events).
 */
record ReceivedBatch(List<ReceivedReading> readings, List<ReceivedTotal> totals, List<ReceivedSiteFigure> siteFigures,
                     List<ReceivedEvent> events) {

    ReceivedBatch(List<ReceivedReading> readings, List<ReceivedTotal> totals) {
        this(readings, totals, List.of(), List.of());
    }
}
