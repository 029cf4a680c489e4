package pe.tramita.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RucTests {

	@ParameterizedTest
	@ValueSource(strings = { "20131312955", "20100047218", "10456789124" })
	void acceptsRucsWithTheirCheckDigit(String ruc) {
		assertThat(Ruc.isValid(ruc)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "20131312954", "2013131295", "201313129550", "30131312955", "2013131295A", "" })
	void refusesWrongCheckDigitLengthPrefixOrLetters(String ruc) {
		assertThat(Ruc.isValid(ruc)).isFalse();
	}

}
