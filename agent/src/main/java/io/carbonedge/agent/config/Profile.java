package io.carbonedge.agent.config;

import java.util.List;

/**
 * A register or node map shared by devices of one model.
 *
 * @param name     as devices refer to it ({@code acrel-adl400})
 * @param protocol the protocol its points are written for
 * @param points   the point maps, read by each device that uses the profile
 */
record Profile(String name, String protocol, List<YamlSection> points) {
}
