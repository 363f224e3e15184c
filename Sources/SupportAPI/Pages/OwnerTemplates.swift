/// The console's owner templates: complaints and the admin page.
enum OwnerTemplates {
    static let all: [String: String] = ["console_complaints": complaints, "console_admin": admin]

    static let complaints = """
        {{> head}}
        <section id="complaints">
        <h1>{{t.nav_complaints}}</h1>
        {{^hasComplaints}}<p class="meta">{{t.no_complaints}}</p>{{/hasComplaints}}
        {{#hasComplaints}}<table><thead><tr><th>{{t.number}}</th><th>{{t.subject}}</th><th>{{t.status}}</th><th>{{t.complaint_named}}</th></tr></thead><tbody>
        {{#complaints}}<tr><td>{{number}}</td><td><a class="complaint" href="/console/tickets/{{id}}">{{subject}}</a></td><td>{{status}} · {{line}}</td><td class="named">{{named}}</td></tr>{{/complaints}}
        </tbody></table>{{/hasComplaints}}
        </section>
        {{> foot}}
        """

    static let admin = """
        {{> head}}
        <h1>{{t.nav_admin}}</h1>
        {{#sections}}<section id="admin-{{key}}">
        <h2>{{title}}</h2>
        {{#empty}}<p class="meta">—</p>{{/empty}}
        {{^empty}}<table><thead><tr>{{#headers}}<th>{{.}}</th>{{/headers}}</tr></thead><tbody>
        {{#rows}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/rows}}
        </tbody></table>{{/empty}}
        </section>{{/sections}}
        <section id="add-staff">
        <h2>{{t.admin_add_staff}}</h2>
        <form method="post" action="/console/admin/staff">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="staff-name">{{t.admin_name}}</label><input id="staff-name" name="name" required maxlength="200">
        <label for="staff-email">Email</label><input id="staff-email" name="email" type="email" required maxlength="320">
        <label for="staff-role">{{t.admin_role}}</label><select id="staff-role" name="role">{{#roles}}<option value="{{.}}">{{.}}</option>{{/roles}}</select>
        <button id="add-staff-button">{{t.admin_add_staff}}</button>
        </form>
        </section>
        {{> foot}}
        """
}
