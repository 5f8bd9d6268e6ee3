package io.carbonedge.agent.receiver;

import java.util.List;

/** What one POST carried, once read: its readings and its totals (one of the two is empty). */
record ReceivedBatch(List<ReceivedReading> readings, List<ReceivedTotal> totals) {
}
