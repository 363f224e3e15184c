/// The staff console's agent templates: the queue and the ticket page (the role views are in
/// `ConsoleRoleTemplates`).
enum ConsoleTemplates {
    static let all: [String: String] = ["console_queue": consoleQueue, "console_ticket": consoleTicket]

    static let consoleQueue = """
        {{> head}}
        {{#queues}}<section id="queue-{{key}}">
        <h2>{{title}} ({{count}})</h2>
        {{^tickets}}<p class="meta">—</p>{{/tickets}}
        {{#hasTickets}}<table><thead><tr><th>{{t.number}}</th><th>{{t.subject}}</th><th>{{t.status}}</th><th>{{t.sla}}</th></tr></thead><tbody>
        {{#tickets}}<tr><td>{{number}}</td><td><a href="/console/tickets/{{id}}">{{subject}}</a></td><td>{{status}} · {{line}} · {{priority}}</td><td class="{{slaClass}}">{{sla}}</td></tr>{{/tickets}}
        </tbody></table>{{/hasTickets}}
        </section>{{/queues}}
        {{> foot}}
        """

    static let consoleTicket = """
        {{> head}}
        <p><a href="/console">← {{t.queue}}</a></p>
        <section>
        <h1 id="ticket-title">#{{number}} {{subject}}</h1>
        <p class="meta">{{t.status}}: <span id="ticket-status">{{status}}</span> · {{line}} · {{priority}} · {{category}} · {{t.sla}}: <span class="{{slaClass}}">{{sla}}</span></p>
        {{#messages}}<div class="message {{author}}"><div class="meta">{{who}} · {{at}}</div>{{body}}</div>{{/messages}}
        </section>
        <section>
        <h2>{{t.reply}}</h2>
        <form method="post" action="/console/tickets/{{id}}/messages">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <textarea id="reply-body" name="body" maxlength="20000" required></textarea>
        <label style="font-weight:normal"><input type="checkbox" name="internal" value="1" id="internal" style="width:auto"> {{t.internal_note}}</label>
        <label for="set-status">{{t.status}}</label><select id="set-status" name="status"><option value="">—</option>{{#statuses}}<option value="{{value}}">{{label}}</option>{{/statuses}}</select>
        <button id="send-reply">{{t.send}}</button>
        </form>
        </section>
        {{> foot}}
        """
}
