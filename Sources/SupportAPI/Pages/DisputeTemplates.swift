/// The arbiter's templates: the dispute list (with the owner's payout approvals) and one dispute.
enum DisputeTemplates {
    static let all: [String: String] = ["console_disputes": disputes, "console_dispute": dispute]

    static let disputes = """
        {{> head}}
        {{#owner}}<section id="payouts">
        <h2>{{t.payout_approvals}}</h2>
        {{^hasPayouts}}<p class="meta">—</p>{{/hasPayouts}}
        {{#hasPayouts}}<table><tbody>{{#payouts}}<tr><td><a href="/console/disputes/{{id}}">{{deal}}</a></td><td>{{amount}}</td><td>{{state}}</td></tr>{{/payouts}}</tbody></table>{{/hasPayouts}}
        </section>{{/owner}}
        <section id="disputes">
        <h2>{{t.nav_disputes}}</h2>
        {{^hasDisputes}}<p class="meta">{{t.no_disputes}}</p>{{/hasDisputes}}
        {{#hasDisputes}}<table><thead><tr><th>{{t.deal}}</th><th>{{t.state}}</th><th>{{t.amount}}</th><th>{{t.deadline}}</th></tr></thead><tbody>
        {{#disputes}}<tr><td><a href="/console/disputes/{{id}}" id="dispute-{{id}}">{{deal}}</a>{{#flagged}} ⚑{{/flagged}}</td><td>{{state}}</td><td>{{amount}}</td><td class="{{deadlineClass}}">{{deadline}}</td></tr>{{/disputes}}
        </tbody></table>{{/hasDisputes}}
        </section>
        {{> foot}}
        """

    static let dispute = """
        {{> head}}
        <p><a href="/console/disputes">← {{t.nav_disputes}}</a></p>
        <section>
        <h1 id="dispute-title">{{t.dispute}} {{deal}}</h1>
        <p class="meta">{{t.state}}: <span id="dispute-state">{{state}}</span> · {{t.deadline}}: <span class="{{deadlineClass}}" id="dispute-deadline">{{deadline}}</span>{{#flagged}} · ⚑{{/flagged}}</p>
        <p>{{t.buyer}}: {{buyer}} · {{t.seller}}: {{seller}} · {{t.amount}}: {{amount}}</p>
        <p>{{t.claim}} ({{claimantSide}}): {{reason}}</p>
        {{#hasSettlement}}<p class="meta">{{t.settlement}}: {{settlement}}</p>{{/hasSettlement}}
        {{#hasDecision}}{{#decision}}<p id="dispute-decision">{{t.decision}}: {{outcome}} · {{at}}<br>{{reasons}}</p>{{/decision}}{{/hasDecision}}
        </section>
        <section id="evidence">
        <h2>{{t.evidence}}</h2>
        {{^evidence}}<p class="meta">—</p>{{/evidence}}
        {{#evidence}}<div class="message evidence-{{party}}" id="evidence-{{id}}"><div class="meta">{{side}} · {{at}} · sha256 {{sha}}…{{#disclosed}} · {{t.disclosed}}{{/disclosed}}</div>{{body}}{{#files}}<div class="meta">📎 {{name}} ({{ref}})</div>{{/files}}</div>{{/evidence}}
        </section>
        <section id="history">
        <h2>{{t.history}}</h2>
        {{^history}}<p class="meta">—</p>{{/history}}<table><tbody>{{#history}}<tr><td>{{at}}</td><td>{{action}}</td><td>{{who}}</td><td>{{reason}}</td></tr>{{/history}}</tbody></table>
        </section>
        {{#canAct}}<section>
        <h2>{{t.dispute_action}}</h2>
        <form method="post" action="/console/disputes/{{id}}/actions">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="dispute-action">{{t.action}}</label><select id="dispute-action" name="action">{{#actions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/actions}}</select>
        <label for="dispute-outcome">{{t.outcome}}</label><select id="dispute-outcome" name="outcome"><option value="">—</option>{{#outcomes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/outcomes}}</select>
        <label for="seller-percent">{{t.seller_percent}}</label><input id="seller-percent" name="seller_percent" type="number" min="1" max="99" value="{{sellerPercent}}">
        <label for="dispute-text">{{t.reasons_or_note}}</label><textarea id="dispute-text" name="text" maxlength="10000">{{text}}</textarea>
        <button id="dispute-submit">{{t.send}}</button>
        </form>
        </section>{{/canAct}}
        {{> foot}}
        """
}
