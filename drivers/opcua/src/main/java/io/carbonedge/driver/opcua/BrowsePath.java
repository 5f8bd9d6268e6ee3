package io.carbonedge.driver.opcua;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A path of browse names from the Objects folder, as written in a device file:
 * {@code Objects/Boiler1/GasFlow}. The leading {@code Objects/} may be left out. An element may
 * name its namespace index ({@code 2:GasFlow}); without one it matches a browse name with that
 * name in any namespace.
 *
 * @param elements the browse names after Objects
 */
record BrowsePath(List<Element> elements) {

    /** One step: a browse name, with its namespace index or -1 for any. */
    record Element(int namespaceIndex, String name) {

        boolean matches(int index, String browseName) {
            return name.equals(browseName) && (namespaceIndex < 0 || namespaceIndex == index);
        }
    }

    static Optional<BrowsePath> parse(String text) {
        String[] parts = text.strip().split("/", -1);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (i == 0 && (part.equals("Objects") || part.equals("0:Objects"))) {
                continue;
            }
            if (part.isEmpty()) {
                return Optional.empty();
            }
            int colon = part.indexOf(':');
            if (colon > 0 && part.substring(0, colon).chars().allMatch(Character::isDigit)) {
                elements.add(new Element(Integer.parseInt(part.substring(0, colon)), part.substring(colon + 1)));
            } else {
                elements.add(new Element(-1, part));
            }
        }
        return elements.isEmpty() ? Optional.empty() : Optional.of(new BrowsePath(elements));
    }
}
