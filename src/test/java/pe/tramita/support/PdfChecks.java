package pe.tramita.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Independent checks of issued PDFs: veraPDF for PDF/A, Poppler's pdfsig for signatures. */
public final class PdfChecks {

	static {
		VeraGreenfieldFoundryProvider.initialise();
	}

	private PdfChecks() {
	}

	/** The PDF/A-2b rules the file breaks, as "clause-test: message" lines; empty when it conforms. */
	public static List<String> pdfA2bFailures(byte[] pdf) {
		try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
				PDFAFlavour.PDFA_2_B)) {
			PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false);
			ValidationResult result = validator.validate(parser);
			List<String> failures = result.getTestAssertions()
				.stream()
				.filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
				.map(assertion -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber()
						+ ": " + assertion.getMessage())
				.distinct()
				.toList();
			if (failures.isEmpty() && !result.isCompliant()) {
				return List.of("not compliant, no failed assertion reported");
			}
			return failures;
		}
		catch (Exception e) {
			throw new IllegalStateException("veraPDF could not validate the file", e);
		}
	}

	/** The text of every page, as PDFBox extracts it. */
	public static String text(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
		catch (IOException e) {
			throw new IllegalStateException("Not a readable PDF", e);
		}
	}

	/** What {@code pdfsig} prints for the file; fails the test with the fix when Poppler is not installed. */
	public static String pdfsig(byte[] pdf) {
		Path pdfsig = Path.of("/usr/bin/pdfsig");
		if (!Files.isExecutable(pdfsig)) {
			fail("pdfsig is missing: install Debian's poppler-utils (.ci/run does)");
		}
		try {
			Path file = Files.createTempFile("tramita-", ".pdf");
			try {
				Files.write(file, pdf);
				Process process = new ProcessBuilder(pdfsig.toString(), file.toString()).redirectErrorStream(true)
					.start();
				String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					fail("pdfsig did not finish in 60 s");
				}
				return output;
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot run pdfsig", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
