/// The pages' Mustache templates, compiled into the binary so a deployment is one file. `{{…}}` escapes
/// HTML; nothing here uses the unescaped forms, so text from people can never become markup.
enum PageTemplates {
    /// Every template by name: the shared frame here, the pages' own in their files.
    static let all: [String: String] = ["head": head, "foot": foot]
        .merging(PortalTemplates.all) { $1 }
        .merging(ConsoleTemplates.all) { $1 }
        .merging(ConsoleRoleTemplates.all) { $1 }

    static let head = """
        <!doctype html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · {{brand}}</title>
        <style>
        body{font:16px/1.45 system-ui,sans-serif;margin:0;color:#1d2330;background:#f5f6f8}
        header{display:flex;justify-content:space-between;align-items:center;padding:.6rem 1rem;background:#1f3b63;color:#fff}
        header a{color:#fff;text-decoration:none;font-weight:600}
        nav{display:flex;flex-wrap:wrap;gap:.2rem .9rem;flex:1;margin:0 1rem}nav a{font-weight:400;opacity:.85}nav a[aria-current]{opacity:1;text-decoration:underline}
        main{max-width:52rem;margin:0 auto;padding:1rem}
        section{background:#fff;border-radius:8px;padding:1rem;margin-bottom:1rem;box-shadow:0 1px 2px #0001}
        label{display:block;margin:.5rem 0 .2rem;font-weight:600}
        input,select,textarea{width:100%;box-sizing:border-box;padding:.5rem;font:inherit;border:1px solid #b8c0cc;border-radius:6px}
        textarea{min-height:7rem}
        button{margin-top:.7rem;padding:.5rem 1.1rem;font:inherit;border:0;border-radius:6px;background:#2563eb;color:#fff;cursor:pointer}
        header button{margin:0;background:#ffffff22}
        table{width:100%;border-collapse:collapse}td,th{text-align:left;padding:.4rem;border-bottom:1px solid #e3e6eb}
        .flash{padding:.6rem 1rem;border-radius:6px;background:#e7f6ec;border:1px solid #9bd3ad}
        .error{background:#fdecec;border-color:#f0a3a3}
        .message{border-left:4px solid #b8c0cc;padding:.3rem .8rem;margin:.6rem 0;white-space:pre-wrap}
        .message.staff{border-color:#2563eb}.message.note{border-color:#d97706;background:#fff8eb}.meta{color:#667085;font-size:.85rem}
        .breached{color:#b42318;font-weight:600}.soon{color:#b54708}
        mark{background:#fff1a8}
        .filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin-bottom:1rem}.filters select{width:auto}.filters button{margin-top:0}
        section{overflow-x:auto}
        @media (max-width:40rem){#requests td:nth-child(4),#requests th:nth-child(4){display:none}header{flex-wrap:wrap}}
        </style>
        </head>
        <body>
        <header><a href="{{home}}">{{brand}}</a>{{#hasNav}}<nav id="nav">{{#nav}}<a href="{{href}}" id="nav-{{key}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a>{{/nav}}</nav>{{/hasNav}}{{#signedIn}}<form method="post" action="{{home}}/logout"><input type="hidden" name="csrf" value="{{csrf}}"><button id="sign-out">{{t.sign_out}}</button></form>{{/signedIn}}</header>
        <main>
        {{#flash}}<p class="flash" id="flash">{{flash}}</p>{{/flash}}{{#error}}<p class="flash error" id="error">{{error}}</p>{{/error}}
        """

    static let foot = """
        </main>
        </body>
        </html>
        """
}
