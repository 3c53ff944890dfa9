import { messages } from '../../shared/i18n.ts'

/** The login and register pages' strings. */
export const authText = messages({
  'zh-CN': {
    loginTitle: '登录',
    registerTitle: '注册',
    identifier: '邮箱或手机号',
    password: '密码',
    passwordHint: '至少 8 位',
    name: '昵称',
    login: '登录',
    register: '注册并登录',
    working: '请稍候…',
    invalid: '账号或密码不正确。',
    noAccount: '还没有账号？',
    toRegister: '注册新账号',
    haveAccount: '已经有账号？',
    toLogin: '去登录',
    taken: '这个邮箱或手机号已经注册过了。',
  },
  en: {
    loginTitle: 'Log in',
    registerTitle: 'Create an account',
    identifier: 'Email or phone number',
    password: 'Password',
    passwordHint: 'At least 8 characters',
    name: 'Your name',
    login: 'Log in',
    register: 'Create account',
    working: 'One moment…',
    invalid: 'The account or password is not right.',
    noAccount: 'New here?',
    toRegister: 'Create an account',
    haveAccount: 'Already have an account?',
    toLogin: 'Log in',
    taken: 'This email or phone number is already registered.',
  },
})
