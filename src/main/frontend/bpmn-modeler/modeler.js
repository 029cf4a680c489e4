// Tramita's BPMN editor: the bpmn-js modeler with the Camunda 7 properties panel (candidate groups, form fields,
// due dates, timers, listeners), bundled once into static/vendor/bpmn-modeler/ (see its README).
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';

// bpmn-js's translate service, with the page's texts ({ English: translation }); without them, English. The panel's
// header spells element types in title case ("User Task"), the menus in sentence case ("User task"): one text serves.
function translateModule(texts) {
  function translate(template, replacements) {
    var sentenceCase = template.charAt(0) + template.slice(1).toLowerCase();
    var text = (texts && (texts[template] || texts[sentenceCase])) || template;
    return text.replace(/{([^}]+)}/g, function (_, key) {
      return replacements && key in replacements ? replacements[key] : '{' + key + '}';
    });
  }
  return { translate: ['value', translate] };
}

window.TramitaModeler = function (container, propertiesPanel, texts) {
  return new BpmnModeler({
    container: container,
    propertiesPanel: { parent: propertiesPanel },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaBehaviorsModule,
      translateModule(texts)
    ],
    moddleExtensions: { camunda: camundaModdle }
  });
};
