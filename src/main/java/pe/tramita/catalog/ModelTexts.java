package pe.tramita.catalog;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import pe.tramita.catalog.Procedure.Requirement;
import pe.tramita.form.ModelFormField;

/**
 * A procedure's texts in the page's language: the model and {@code procedure.yml} carry the Spanish ones (which case
 * files, certificates and e-mails keep), {@code processes/<key>/messages_en.properties} the English ones. Pages ask
 * for them here; a text without a translation stays Spanish. Outside a web request (demo data, e-mails, the engine)
 * everything is Spanish, whatever the server's default language.
 */
@Component("modelTexts")
public class ModelTexts {

	private final Map<String, Properties> english = new HashMap<>();

	ModelTexts() throws IOException {
		Resource[] files = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:processes/*/messages_en.properties");
		for (Resource file : files) {
			String url = file.getURL().toString();
			String procedure = url.substring(0, url.lastIndexOf('/'));
			Properties texts = new Properties();
			try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
				texts.load(reader);
			}
			english.put(procedure.substring(procedure.lastIndexOf('/') + 1), texts);
		}
	}

	/** The procedure as the page shows it: name, summary, requirements and what follows the filing translated. */
	public Procedure shown(Procedure procedure) {
		Properties texts = texts(procedure.key());
		if (texts == null) {
			return procedure;
		}
		List<Requirement> requirements = procedure.requirements().stream()
			.map(r -> new Requirement(r.id(), texts.getProperty("requirement." + r.id(), r.name()), r.upload(),
					r.required(), r.help() == null ? null : texts.getProperty("requirement." + r.id() + ".help", r.help()),
					r.form()))
			.toList();
		List<String> whatHappens = new ArrayList<>();
		for (int i = 0; i < procedure.whatHappens().size(); i++) {
			whatHappens.add(texts.getProperty("what_happens." + (i + 1), procedure.whatHappens().get(i)));
		}
		return new Procedure(procedure.key(), procedure.processKey(), texts.getProperty("name", procedure.name()),
				texts.getProperty("summary", procedure.summary()), procedure.legalBasis(), procedure.qualification(),
				procedure.silence(), procedure.termBusinessDays(), procedure.feeSoles(), procedure.feeUitPercent(),
				procedure.receivingOffice(), procedure.decidingOffice(), procedure.decidingAuthority(),
				procedure.reconsiderationAuthority(), procedure.appealAuthority(), requirements, procedure.internal(),
				procedure.termsByRisk(), procedure.publishesResults(), whatHappens);
	}

	public String name(String procedureKey, String name) {
		Properties texts = texts(procedureKey);
		return texts == null ? name : texts.getProperty("name", name);
	}

	/** A step's (user task's) name. */
	public String step(String procedureKey, String activityId, String name) {
		Properties texts = texts(procedureKey);
		return texts == null || activityId == null ? name : texts.getProperty("step." + activityId, name);
	}

	/**
	 * The fields of the application form ({@code activityId} null) or of a step, with their labels and choices
	 * translated: {@code field.<activity>.<id>} where one id means different things in different steps, else
	 * {@code field.<id>}.
	 */
	public List<ModelFormField> fields(String procedureKey, String activityId, List<ModelFormField> fields) {
		Properties texts = texts(procedureKey);
		if (texts == null) {
			return fields;
		}
		return fields.stream().map(field -> {
			String label = label(texts, activityId, field.id(), field.label());
			Map<String, String> options = field.options() == null ? null : new LinkedHashMap<>();
			if (options != null) {
				field.options().forEach((value, name) -> options.put(value, value(texts, field.id(), value, name)));
			}
			return new ModelFormField(field.id(), label, field.type(), field.required(), field.readOnly(),
					field.minLength(), field.maxLength(), field.min(), field.max(), options, field.requiredWhen(),
					field.value(), field.format(), field.decimal());
		}).toList();
	}

	/** One field's label in a step ({@code activityId}) or in the application form (null). */
	public String label(String procedureKey, String activityId, String fieldId, String label) {
		Properties texts = texts(procedureKey);
		return texts == null ? label : label(texts, activityId, fieldId, label);
	}

	/** The name of one of a field's choices. */
	public String value(String procedureKey, String fieldId, String value, String name) {
		Properties texts = texts(procedureKey);
		return texts == null ? name : value(texts, fieldId, value, name);
	}

	private static String label(Properties texts, String activityId, String fieldId, String label) {
		return texts.getProperty("field." + activityId + "." + fieldId, texts.getProperty("field." + fieldId, label));
	}

	private static String value(Properties texts, String fieldId, String value, String name) {
		return texts.getProperty("value." + fieldId + "." + value, name);
	}

	/** The translations for a page in English; none otherwise. */
	private Properties texts(String procedureKey) {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		boolean inEnglish = context != null && context.getLocale() != null
				&& context.getLocale().getLanguage().equals("en");
		return inEnglish && procedureKey != null ? english.get(procedureKey) : null;
	}

}
