/// The staff console's agent templates: the queue and the ticket page (the role views are in
/// `ConsoleRoleTemplates`).
enum ConsoleTemplates {
    static let all: [String: String] = ["console_queue": consoleQueue, "console_ticket": consoleTicket, "console_requester": consoleRequester]

    static let consoleQueue = """
        {{> head}}
        {{#filters}}<form method="get" action="/console" id="filters" class="filters">
        <select name="line" id="filter-line" aria-label="{{t.line}}"><option value="">{{t.line}}: {{t.any}}</option>{{#lines}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/lines}}</select>
        <select name="priority" id="filter-priority" aria-label="{{t.priority}}"><option value="">{{t.priority}}: {{t.any}}</option>{{#priorities}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/priorities}}</select>
        <select name="category" id="filter-category" aria-label="{{t.category}}"><option value="">{{t.category}}: {{t.any}}</option>{{#categoryChoices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/categoryChoices}}</select>
        <label style="font-weight:normal"><input type="checkbox" name="due" value="30" id="filter-due" style="width:auto"{{#dueChecked}} checked{{/dueChecked}}> {{t.due_soon}}</label>
        <button id="apply-filters">{{t.filter}}</button>
        </form>{{/filters}}
        <div id="queues" data-version="{{version}}">
        {{#queues}}<section id="queue-{{key}}">
        <h2>{{title}} ({{count}})</h2>
        {{^tickets}}<p class="meta">—</p>{{/tickets}}
        {{#hasTickets}}<table><thead><tr><th>{{t.number}}</th><th>{{t.subject}}</th><th>{{t.status}}</th><th>{{t.sla}}</th></tr></thead><tbody>
        {{#tickets}}<tr><td>{{number}}</td><td><a href="/console/tickets/{{id}}">{{subject}}</a></td><td>{{status}} · {{line}} · {{priority}}</td><td class="{{slaClass}}">{{sla}}</td></tr>{{/tickets}}
        </tbody></table>{{/hasTickets}}
        </section>{{/queues}}
        </div>
        <p class="meta">{{t.live}}</p>
        <script src="/console/live.js" defer></script>
        {{> foot}}
        """

    static let consoleTicket = """
        {{> head}}
        <p><a href="/console">← {{t.queue}}</a></p>
        <section>
        <h1 id="ticket-title">#{{number}} {{subject}}</h1>
        <p class="meta">{{t.status}}: <span id="ticket-status">{{status}}</span> · <span id="ticket-line">{{line}}</span> · {{priority}} · {{category}} · {{channel}} · {{t.sla}}: <span class="{{slaClass}}">{{sla}}</span>{{#hasRequester}} · <a href="/console/requesters/{{requesterID}}" id="requester-account">{{t.account}}</a>{{/hasRequester}}</p>
        {{#incident}}<p class="meta" id="incident-link">{{t.report_of}} <a href="/console/tickets/{{incidentID}}">#{{incidentNumber}} {{incidentSubject}}</a></p>{{/incident}}
        {{#messages}}<div class="message {{author}}"><div class="meta">{{who}} · {{at}}</div>{{body}}</div>{{/messages}}
        </section>
        {{#hasReports}}<section id="reports"><h2>{{t.reports}}</h2><table><tbody>
        {{#reports}}<tr><td>#{{number}}</td><td><a href="/console/tickets/{{id}}">{{subject}}</a></td><td>{{status}}</td></tr>{{/reports}}
        </tbody></table></section>{{/hasReports}}
        <section>
        <h2>{{t.reply}}</h2>
        <form method="post" action="/console/tickets/{{id}}/messages">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <textarea id="reply-body" name="body" maxlength="20000" required></textarea>
        <label style="font-weight:normal"><input type="checkbox" name="internal" value="1" id="internal" style="width:auto"> {{t.internal_note}}</label>
        <label for="set-status">{{t.status}}</label><select id="set-status" name="status"><option value="">—</option>{{#statuses}}<option value="{{value}}">{{label}}</option>{{/statuses}}</select>
        <button id="send-reply">{{t.send}}</button>
        </form>
        {{#hasMacros}}<form method="post" action="/console/tickets/{{id}}/macro" id="macro-form">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="macro">{{t.macro}}</label><select id="macro" name="macro_id">{{#suggestedMacros}}<option value="{{id}}">★ {{title}}</option>{{/suggestedMacros}}{{#macros}}<option value="{{id}}">{{title}}</option>{{/macros}}</select>
        <button id="apply-macro">{{t.apply_macro}}</button>
        </form>{{/hasMacros}}
        </section>
        {{#hasArticles}}<section id="suggestions"><h2>{{t.suggested_articles}}</h2>
        {{#articles}}<article class="hit"><h3>{{title}}</h3><p>{{#snippet}}{{text}}{{#mark}}<mark>{{mark}}</mark>{{/mark}}{{/snippet}}</p></article>{{/articles}}
        </section>{{/hasArticles}}
        {{#mayEscalate}}<section>
        <h2>{{t.escalate}}</h2>
        <form method="post" action="/console/tickets/{{id}}/escalate">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <select id="direction" name="direction"><option value="up">{{t.up}}</option><option value="down">{{t.down}}</option></select>
        <label for="escalate-reason">{{t.reason}}</label><input id="escalate-reason" name="reason" maxlength="2000" required>
        <button id="escalate">{{t.escalate}}</button>
        </form>
        </section>{{/mayEscalate}}
        {{#mayMerge}}<section>
        <h2>{{t.links}}</h2>
        <form method="post" action="/console/tickets/{{id}}/link">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="incident-number">{{t.link_to_incident}}</label><input id="incident-number" name="number" inputmode="numeric" maxlength="20" required>
        <button id="link">{{t.link}}</button>
        </form>
        {{#incident}}<form method="post" action="/console/tickets/{{id}}/unlink"><input type="hidden" name="csrf" value="{{csrf}}"><button id="unlink">{{t.unlink}}</button></form>{{/incident}}
        <form method="post" action="/console/tickets/{{id}}/merge">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="merge-number">{{t.merge_into}}</label><input id="merge-number" name="number" inputmode="numeric" maxlength="20" required>
        <button id="merge">{{t.merge}}</button>
        </form>
        </section>{{/mayMerge}}
        {{> foot}}
        """

    static let consoleRequester = """
        {{> head}}
        <section>
        <h1 id="requester-name">{{name}}</h1>
        <p class="meta">{{contractName}} {{contractEmail}} · {{locale}} · CSAT {{csat}}</p>
        <h2>{{t.channels}}</h2>
        <table id="identities"><tbody>{{#identities}}<tr><td>{{channel}}</td><td>{{externalID}}</td><td>{{display}}</td><td>{{#verified}}✓{{/verified}}</td></tr>{{/identities}}</tbody></table>
        </section>
        <section>
        <h2>{{t.tickets}}</h2>
        {{^tickets}}<p class="meta">—</p>{{/tickets}}
        <table id="requester-tickets"><tbody>{{#tickets}}<tr><td>#{{number}}</td><td><a href="/console/tickets/{{id}}">{{subject}}</a></td><td>{{channel}}</td><td>{{status}}</td><td>{{csat}}</td><td>{{at}}</td></tr>{{/tickets}}</tbody></table>
        </section>
        <section>
        <h2>{{t.deals_disputes}}</h2>
        {{^deals}}<p class="meta">—</p>{{/deals}}
        <table id="deals"><tbody>{{#deals}}<tr><td>{{ref}}</td><td>{{role}}</td><td>{{amount}}</td><td>{{status}}</td></tr>{{/deals}}</tbody></table>
        <table id="disputes"><tbody>{{#disputes}}<tr><td>{{t.dispute}} {{id}}</td><td>{{t.deal}} {{deal}}</td><td>{{role}}</td><td>{{state}}</td></tr>{{/disputes}}</tbody></table>
        </section>
        <section>
        <h2>{{t.punishments}}</h2>
        {{^punishments}}<p class="meta">—</p>{{/punishments}}
        <table id="punishments"><tbody>{{#punishments}}<tr><td>{{kind}}</td><td>{{chat}}</td><td>{{reason}}</td><td>{{at}} → {{until}}</td><td>{{#lifted}}{{t.lifted}}{{/lifted}}</td></tr>{{/punishments}}</tbody></table>
        </section>
        {{> foot}}
        """
}
