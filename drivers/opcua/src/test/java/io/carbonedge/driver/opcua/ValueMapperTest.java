package io.carbonedge.driver.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonedge.driver.Quality;
import io.carbonedge.driver.Sample;
import java.time.Instant;
import java.util.Random;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueMapperTest {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42})
    void numbersOfEveryTypeKeepTheirValue(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 100; i++) {
            int n = random.nextInt();
            assertThat(map(Variant.ofInt32(n)).value()).isEqualTo(n);
            long u = Integer.toUnsignedLong(n);
            assertThat(map(new Variant(UInteger.valueOf(u))).value()).isEqualTo(u);
            double d = random.nextGaussian() * 1e6;
            assertThat(map(Variant.ofDouble(d)).value()).isEqualTo(d);
            float f = random.nextFloat();
            assertThat(map(Variant.ofFloat(f)).value()).isEqualTo((double) f);
        }
    }

    @Test
    void booleansAreOneAndZero() {
        assertThat(map(Variant.ofBoolean(true)).value()).isEqualTo(1.0);
        assertThat(map(Variant.ofBoolean(false)).value()).isEqualTo(0.0);
    }

    @Test
    void numericTextIsANumberOtherTextIsBad() {
        assertThat(map(Variant.ofString(" 12.5 ")).value()).isEqualTo(12.5);
        assertThat(map(Variant.ofLocalizedText(LocalizedText.english("3"))).value()).isEqualTo(3.0);
        Sample text = map(Variant.ofString("RUNNING"));
        assertThat(text.quality()).isEqualTo(Quality.BAD);
        assertThat(text.reason()).isEqualTo("string value 'RUNNING' is not a number");
    }

    @Test
    void statusSeverityBecomesQualityWithItsName() {
        Sample bad = ValueMapper.sample("p", new DataValue(Variant.ofDouble(1), new StatusCode(StatusCodes.Bad_SensorFailure)), NOW);
        assertThat(bad.quality()).isEqualTo(Quality.BAD);
        assertThat(bad.value()).isNaN();
        assertThat(bad.reason()).isEqualTo("Bad_SensorFailure");
        Sample uncertain = ValueMapper.sample("p",
                new DataValue(Variant.ofDouble(2), new StatusCode(StatusCodes.Uncertain_LastUsableValue)), NOW);
        assertThat(uncertain.quality()).isEqualTo(Quality.UNCERTAIN);
        assertThat(uncertain.value()).isEqualTo(2.0);
        assertThat(uncertain.reason()).isEqualTo("Uncertain_LastUsableValue");
    }

    @Test
    void theSourceTimestampIsTheSampleTimeWhenPresent() {
        Instant source = Instant.parse("2025-03-01T07:59:58.250Z");
        assertThat(ValueMapper.sample("p", new DataValue(Variant.ofDouble(1), StatusCode.GOOD, new DateTime(source)), NOW).time())
                .isEqualTo(source);
        assertThat(ValueMapper.sample("p", new DataValue(Variant.ofDouble(1), StatusCode.GOOD, null), NOW).time()).isEqualTo(NOW);
    }

    @Test
    void unsupportedTypesAndEmptyValuesAreBad() {
        assertThat(map(new Variant(new double[] {1, 2})).reason()).startsWith("unsupported value type");
        assertThat(map(Variant.NULL_VALUE).reason()).isEqualTo("no value");
        assertThat(map(Variant.ofDouble(Double.NaN)).quality()).isEqualTo(Quality.BAD);
    }

    private static Sample map(Variant variant) {
        return ValueMapper.sample("p", new DataValue(variant, StatusCode.GOOD, null), NOW);
    }
}
