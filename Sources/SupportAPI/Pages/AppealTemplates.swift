/// The moderator's template: open appeals, each with its punishment and decision form.
enum AppealTemplates {
    static let all: [String: String] = ["console_appeals": appeals]

    static let appeals = """
        {{> head}}
        {{^hasAppeals}}<section><p class="meta">{{t.no_appeals}}</p></section>{{/hasAppeals}}
        {{#appeals}}<section id="appeal-{{id}}">
        <h2>#{{number}} {{subject}}</h2>
        <p>{{requester}} · <a href="/console/tickets/{{id}}">{{t.open_ticket}}</a></p>
        <p class="meta">{{t.punishment}}: {{kind}} · {{chat}} · {{issued}} → {{expires}} · {{t.issued_by}}: {{issuer}}<br>{{reason}}</p>
        <form method="post" action="/console/appeals/{{id}}/decision">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="outcome-{{id}}">{{t.outcome}}</label><select id="outcome-{{id}}" name="outcome">{{#outcomes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/outcomes}}</select>
        <label for="expires-{{id}}">{{t.new_expiry}}</label><input id="expires-{{id}}" name="expires_at" type="datetime-local" value="{{expiresAt}}">
        <label for="reasons-{{id}}">{{t.reasons}}</label><textarea id="reasons-{{id}}" name="reasons" maxlength="10000" required>{{reasons}}</textarea>
        <button id="decide-{{id}}">{{t.decide}}</button>
        </form>
        </section>{{/appeals}}
        {{> foot}}
        """
}
