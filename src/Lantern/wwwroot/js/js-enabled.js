// Marks the page as having script before it is drawn, so GOV.UK Frontend's enhanced styles apply at once.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
