package io.carbonedge.driver.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BrowsePathTest {

    @Test
    void objectsIsOptionalAndNamespacesMayBeNamed() {
        assertThat(BrowsePath.parse("Objects/Boiler1/GasFlow")).contains(new BrowsePath(List.of(
                new BrowsePath.Element(-1, "Boiler1"), new BrowsePath.Element(-1, "GasFlow"))));
        assertThat(BrowsePath.parse("Boiler1/2:GasFlow")).contains(new BrowsePath(List.of(
                new BrowsePath.Element(-1, "Boiler1"), new BrowsePath.Element(2, "GasFlow"))));
    }

    @Test
    void emptyElementsAreNotAPath() {
        assertThat(BrowsePath.parse("Objects")).isEmpty();
        assertThat(BrowsePath.parse("Objects//GasFlow")).isEmpty();
        assertThat(BrowsePath.parse("Boiler1/")).isEmpty();
    }

    @Test
    void anElementWithoutNamespaceMatchesAnyNamespace() {
        BrowsePath.Element any = new BrowsePath.Element(-1, "GasFlow");
        assertThat(any.matches(2, "GasFlow")).isTrue();
        assertThat(any.matches(5, "GasFlow")).isTrue();
        assertThat(new BrowsePath.Element(2, "GasFlow").matches(5, "GasFlow")).isFalse();
    }
}
