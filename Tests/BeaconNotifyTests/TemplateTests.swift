import BeaconNotify
import Testing

@Suite struct TemplateTests {
    @Test func placeholdersAreReplaced() {
        let template = Template("[{{severity}}] {{ title }} — {{link}}")
        let text = template.render(["severity": "sev2", "title": "Payment success rate", "link": "http://x/1"])
        #expect(text == "[sev2] Payment success rate — http://x/1")
    }

    @Test func unknownPlaceholdersStayVisible() {
        #expect(Template("Hi {{nmae}}").render(["name": "Li"]) == "Hi {{nmae}}")
        #expect(Template("open {{ never closed").render([:]) == "open {{ never closed")
    }

    @Test func jsonBodiesEscapeValues() {
        let body = Template(#"{"to":"{{mobile}}","text":"{{text}}"}"#)
        let rendered = body.render(["mobile": "138", "text": "say \"hi\"\nnow"], escape: Template.jsonEscape)
        #expect(rendered == #"{"to":"138","text":"say \"hi\"\nnow"}"#)
    }
}
