/// The coder's templates: open incidents and bugs, and one incident with its linked reports.
enum IncidentTemplates {
    static let all: [String: String] = ["console_incidents": incidents, "console_incident": incident]

    static let incidents = """
        {{> head}}
        <section id="incidents">
        <h2>{{t.nav_incidents}}</h2>
        {{^hasIncidents}}<p class="meta">{{t.no_incidents}}</p>{{/hasIncidents}}
        {{#hasIncidents}}<table><thead><tr><th>{{t.number}}</th><th>{{t.subject}}</th><th>{{t.linked_reports}}</th><th>{{t.status}}</th></tr></thead><tbody>
        {{#incidents}}<tr><td>{{number}}</td><td><a href="/console/incidents/{{id}}" id="incident-{{id}}">{{subject}}</a> <span class="meta">{{kind}}</span></td><td>{{reports}}</td><td>{{status}}</td></tr>{{/incidents}}
        </tbody></table>{{/hasIncidents}}
        </section>
        {{> foot}}
        """

    static let incident = """
        {{> head}}
        <p><a href="/console/incidents">← {{t.nav_incidents}}</a></p>
        <section>
        <h1 id="incident-title">#{{number}} {{subject}}</h1>
        <p class="meta">{{t.status}}: <span id="incident-status">{{status}}</span> · {{line}} · <a href="/console/tickets/{{id}}">{{t.open_ticket}}</a></p>
        {{#messages}}<div class="message {{author}}"><div class="meta">{{who}} · {{at}}</div>{{body}}</div>{{/messages}}
        </section>
        <section id="linked">
        <h2>{{t.linked_reports}} ({{linkedCount}})</h2>
        {{^linked}}<p class="meta">—</p>{{/linked}}
        <table><tbody>{{#linked}}<tr id="linked-{{id}}"><td>{{number}}</td><td><a href="/console/tickets/{{id}}">{{subject}}</a></td><td>{{requester}}</td><td>{{status}}</td></tr>{{/linked}}</tbody></table>
        </section>
        {{#open}}{{#mayFix}}<section>
        <h2>{{t.mark_fixed}}</h2>
        <form method="post" action="/console/incidents/{{id}}/fixed">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="fix-note">{{t.fix_note}}</label><textarea id="fix-note" name="note" maxlength="2000" required>{{note}}</textarea>
        <button id="mark-fixed">{{t.mark_fixed}}</button>
        </form>
        </section>{{/mayFix}}{{/open}}
        {{> foot}}
        """
}
