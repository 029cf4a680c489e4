package pe.tramita.costing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import pe.tramita.catalog.Procedure;
import pe.tramita.municipality.DistrictMap;
import pe.tramita.web.Formats;

/** The advisor's view of one procedure across the region's 127 municipalities: the map and the table. */
@Controller
class RegionController {

	private final Region region;

	private final DistrictMap map;

	private final AdvisorScope scope;

	private final MessageSource messages;

	private final Formats formats;

	RegionController(Region region, DistrictMap map, AdvisorScope scope, MessageSource messages, Formats formats) {
		this.region = region;
		this.map = map;
		this.scope = scope;
		this.messages = messages;
		this.formats = formats;
	}

	/** One procedure across the region: table and map, the lowest on-time share first. */
	@GetMapping("/asesoria/costos/region/{key}")
	String region(@PathVariable String key, Model model) {
		Procedure procedure = scope.procedure(key);
		List<Region.Line> lines = region.of(procedure);
		model.addAttribute("procedure", procedure);
		model.addAttribute("procedures", scope.tupaProcedures());
		model.addAttribute("lines", lines);
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> shades = new HashMap<>();
		Map<String, String> labels = new HashMap<>();
		for (Region.Line line : lines) {
			String ubigeo = line.municipality().ubigeo();
			shades.put(ubigeo, DistrictMap.shade(line.onTimeShare()));
			labels.put(ubigeo, line.onTimeShare() == null
					? messages.getMessage("costing.region.noCases", new Object[] { line.municipality().name() }, locale)
					: messages.getMessage("costing.region.districtShare", new Object[] { line.municipality().name(),
							formats.percent(line.onTimeShare()), line.cases() }, locale));
		}
		model.addAttribute("svg", map.svg(messages.getMessage("costing.region.mapTitle",
				new Object[] { procedure.name() }, locale), shades, labels));
		return "costing/region";
	}

}
